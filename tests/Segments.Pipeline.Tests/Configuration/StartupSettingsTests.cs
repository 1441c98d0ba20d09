using Segments.Pipeline.Configuration;

namespace Segments.Pipeline.Tests.Configuration;

public sealed class StartupSettingsTests
{
    [Fact]
    public void Default_settings_have_no_problem()
    {
        Assert.Null(StartupSettings.Problem(new SegmentsOptions()));
    }

    [Fact]
    public void Five_field_schedule_is_refused_naming_the_fields_and_the_setting()
    {
        var problem = StartupSettings.Problem(new SegmentsOptions { Schedule = "0 2 * * *" });

        Assert.Equal(
            "Schedule '0 2 * * *' has 5 fields; Azure Functions timers take six: second minute hour day month day-of-week (e.g. '0 0 2 * * *'). (setting Segments:Schedule)",
            problem);
    }

    [Fact]
    public void Six_fields_that_are_not_ncrontab_are_refused()
    {
        Assert.Equal("Schedule '0 0 25 * * *' is not a valid NCRONTAB expression. (setting Segments:Schedule)", StartupSettings.Problem(new SegmentsOptions { Schedule = "0 0 25 * * *" }));
    }

    [Fact]
    public void Instance_memory_that_is_not_a_size_is_refused()
    {
        Assert.Equal(
            "Segments:InstanceMemoryMb is 0; give the app's instance memory in MB (512, 2048 or 4096).",
            StartupSettings.Problem(new SegmentsOptions { InstanceMemoryMb = 0 }));
    }
}
