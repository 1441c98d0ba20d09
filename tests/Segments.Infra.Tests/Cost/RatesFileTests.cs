using System.Globalization;
using System.Text.Json;
using Segments.Infra.Tests.Fixtures;

namespace Segments.Infra.Tests.Cost;

/// <summary>config/rates.json, which the README's cost estimate is computed from, says where and when its prices hold.</summary>
public sealed class RatesFileTests
{
    private static readonly JsonElement Rates = JsonDocument.Parse(File.ReadAllText(Path.Combine(InfraPaths.Root, "config", "rates.json"))).RootElement.Clone();

    [Fact]
    public void Rates_name_their_region_currency_and_date()
    {
        Assert.False(string.IsNullOrWhiteSpace(Rates.GetProperty("region").GetString()));
        Assert.Equal("USD", Rates.GetProperty("currency").GetString());
        Assert.True(DateOnly.TryParseExact(Rates.GetProperty("asOf").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }

    [Theory]
    [InlineData("functionsFlexConsumption", "onDemandExecutionTimePerGbSecond")]
    [InlineData("functionsFlexConsumption", "onDemandExecutionsPerMillion")]
    [InlineData("blobStorage", "dataStoredPerGbMonth")]
    [InlineData("blobStorage", "writeOperationsPer10k")]
    [InlineData("blobStorage", "readOperationsPer10k")]
    [InlineData("tableStorage", "dataStoredPerGbMonth")]
    [InlineData("tableStorage", "operationsPer10k")]
    public void Rate_is_a_positive_price(string service, string rate)
    {
        Assert.True(Rates.GetProperty(service).GetProperty(rate).GetDecimal() > 0m);
    }

    [Theory]
    [InlineData("functionsFlexConsumption")]
    [InlineData("blobStorage")]
    [InlineData("tableStorage")]
    [InlineData("logAnalytics")]
    public void Every_service_cites_a_listed_source_with_a_date(string service)
    {
        var source = Rates.GetProperty(service).GetProperty("source").GetString();

        var cited = Rates.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("id").GetString() == source);

        Assert.False(string.IsNullOrWhiteSpace(cited.GetProperty("what").GetString()));
        Assert.True(DateOnly.TryParseExact(cited.GetProperty("asOf").GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
    }
}
