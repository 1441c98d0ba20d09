using Microsoft.Extensions.Configuration;
using Segments.Pipeline.Configuration;

namespace Segments.Pipeline.Tests.Configuration;

public sealed class RecommendationSettingsTests
{
    private static RecommendationSettings Bind(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection(RecommendationSettings.Section).Get<RecommendationSettings>() ?? new RecommendationSettings();

    [Fact]
    public void Configured_ease_lambdas_replace_the_defaults_rather_than_add_to_them()
    {
        var settings = Bind(new() { ["Segments:Recommendations:EaseLambdas:0"] = "100", ["Segments:Recommendations:RepeatPurchaseProducts:0"] = "85123A" });

        var options = settings.ToOptions();

        Assert.Equal([100.0], options.EaseLambdas);
        Assert.True(options.MayRepeat("85123A"));
        Assert.False(options.MayRepeat("22423"));
    }

    [Fact]
    public void Without_settings_the_measured_defaults_apply_and_nonsense_is_clamped()
    {
        var defaults = new RecommendationSettings().ToOptions();
        var clamped = Bind(new() { ["Segments:Recommendations:Top"] = "0", ["Segments:Recommendations:EaseLambdas:0"] = "-5" }).ToOptions();

        Assert.Equal((10, 91, 1000), (defaults.Top, defaults.HoldoutDays, defaults.MaxDenseProducts));
        Assert.Equal([50.0, 200, 800], defaults.EaseLambdas);
        Assert.Equal(1, clamped.Top);
        Assert.Equal([50.0, 200, 800], clamped.EaseLambdas);
    }
}
