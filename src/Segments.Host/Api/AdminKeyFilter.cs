using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Segments.Pipeline.Api;
using Segments.Pipeline.Configuration;

namespace Segments.Host.Api;

/// <summary>
/// Admin authorisation as Azure Functions does it: the key in header <c>x-functions-key</c> or query
/// <c>code</c>, compared in constant time. The key itself is never logged.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<SegmentsOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.AdminKey;
        if (string.IsNullOrEmpty(expected))
        {
            return ApiResponse.Error(401, "Unauthorized", "No admin key is configured (setting Segments:AdminKey); admin functions are closed.").ToResult();
        }

        var request = context.HttpContext.Request;
        var given = request.Headers["x-functions-key"].FirstOrDefault() ?? request.Query["code"].FirstOrDefault() ?? string.Empty;
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            return ApiResponse.Error(401, "Unauthorized", "A valid admin key is required (header x-functions-key or query code).").ToResult();
        }

        return await next(context).ConfigureAwait(false);
    }
}
