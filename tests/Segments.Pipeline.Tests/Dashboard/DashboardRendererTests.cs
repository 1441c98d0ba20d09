using Segments.Pipeline.Dashboard;

namespace Segments.Pipeline.Tests.Dashboard;

public class DashboardRendererTests
{
    private static readonly DashboardModel Empty = new(null, null, "Movement needs two runs: no run has succeeded yet.", []);

    [Fact]
    public void Links_carry_the_code_the_page_was_opened_with_escaped()
    {
        var html = DashboardRenderer.Render(Empty, "k&y=1");

        Assert.Contains("href=\"/api/segments?code=k%26y%3D1\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/runs?code=k%26y%3D1\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Links_have_no_code_when_the_page_was_opened_without_one()
    {
        var html = DashboardRenderer.Render(Empty, null);

        Assert.Contains("href=\"/api/segments\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("code=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Segment_names_from_rule_definitions_are_encoded_not_injected()
    {
        var hostile = "<script>alert(1)</script>";
        var active = new ActiveRunPanel("r1", new DateOnly(2024, 1, 1), 1, [new SegmentFamily("Rule segments", [new SegmentBar("rule:" + hostile, hostile, 1)])], []);

        var html = DashboardRenderer.Render(Empty with { Active = active }, null);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_segment_shows_its_reach_by_e_mail_and_sms_next_to_its_size()
    {
        var bar = new SegmentBar("rfm:Champions", "Champions", 1200) { ReachableByEmail = 450, ReachableBySms = 30 };
        var active = new ActiveRunPanel("r1", new DateOnly(2024, 1, 1), 1200, [new SegmentFamily("RFM segments", [bar])], []);

        var html = DashboardRenderer.Render(Empty with { Active = active }, null);

        Assert.Contains("data-segment=\"rfm:Champions\" data-customers=\"1200\" data-email=\"450\" data-sms=\"30\">", html, StringComparison.Ordinal);
        Assert.Contains(">450 e-mail · 30 SMS</text>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"reach-note\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_recorded_before_reach_was_kept_shows_sizes_only()
    {
        var active = new ActiveRunPanel("r1", new DateOnly(2024, 1, 1), 5, [new SegmentFamily("RFM segments", [new SegmentBar("rfm:Lost", "Lost", 5)])], []);

        var html = DashboardRenderer.Render(Empty with { Active = active }, null);

        Assert.Contains("data-segment=\"rfm:Lost\" data-customers=\"5\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"reach\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("reach-note", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_references_nothing_outside_itself()
    {
        var html = DashboardRenderer.Render(Empty, null);

        Assert.DoesNotContain("http://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
    }
}
