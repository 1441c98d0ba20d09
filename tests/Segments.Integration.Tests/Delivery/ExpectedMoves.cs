using System.Net.Http.Json;
using System.Text.Json;

namespace Segments.Integration.Tests.Delivery;

/// <summary>The moves a destination should receive, read from the API's own <c>/changes</c> of every segment of a family.</summary>
public static class ExpectedMoves
{
    /// <summary>Every move (segment, customer, entered/exited, A/B group, consent to e-mail) of the family's segments between the two runs.</summary>
    public static async Task<IReadOnlyList<(string Segment, string CustomerId, string Move, string? Group, bool Email)>> OfFamilyAsync(HttpClient http, string family, string fromRun, string toRun)
    {
        var listing = await http.GetFromJsonAsync<JsonElement>("api/segments");
        var ids = listing.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array)
            .SelectMany(p => p.Value.EnumerateArray())
            .Where(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("id", out var id) && id.GetString()!.StartsWith(family + ":", StringComparison.Ordinal))
            .Select(e => e.GetProperty("id").GetString()!)
            .Distinct()
            .ToList();
        var moves = new List<(string, string, string, string?, bool)>();
        foreach (var id in ids)
        {
            var changes = await http.GetFromJsonAsync<JsonElement>($"api/segments/{Uri.EscapeDataString(id)}/changes?fromRun={fromRun}&toRun={toRun}");
            foreach (var (list, move) in new[] { ("entered", "entered"), ("left", "exited") })
            {
                foreach (var m in changes.GetProperty(list).EnumerateArray())
                {
                    var group = m.TryGetProperty("group", out var g) && g.ValueKind == JsonValueKind.String ? g.GetString() : null;
                    moves.Add((id, m.GetProperty("customerId").GetString()!, move, group, m.GetProperty("consent").GetProperty("email").GetBoolean()));
                }
            }
        }

        return moves;
    }
}
