using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Segments.Pipeline.Logging;

/// <summary>Puts secret masking in front of every log provider a host has registered (both hosts call it last).</summary>
public static class LoggingRedaction
{
    /// <summary>
    /// Wraps each <see cref="ILoggerProvider"/> registered so far in a <see cref="RedactingLoggerProvider"/> that masks
    /// the secrets of the configuration (<see cref="SecretRedactor.FromConfiguration"/>), at every level and category.
    /// Call it after every provider is added.
    /// </summary>
    public static IServiceCollection AddSecretRedaction(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(sp => SecretRedactor.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            if (descriptor.ServiceType != typeof(ILoggerProvider) || descriptor.IsKeyedService)
            {
                continue;
            }

            services[i] = ServiceDescriptor.Singleton<ILoggerProvider>(sp => new RedactingLoggerProvider(Create(sp, descriptor), sp.GetRequiredService<SecretRedactor>()));
        }

        return services;
    }

    private static ILoggerProvider Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (ILoggerProvider)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
