using System.Text;
using Segments.Pipeline.Tracking;

namespace Segments.Pipeline.Tests.Tracking;

public sealed class BasicCredentialsTests
{
    [Fact]
    public void The_user_name_of_basic_credentials_is_the_write_key()
    {
        Assert.Equal("abc123", BasicCredentials.UserName("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("abc123:"))));
    }

    [Fact]
    public void Credentials_encoded_without_the_colon_are_the_key_whole_as_segment_still_accepts()
    {
        Assert.Equal("abc123", BasicCredentials.UserName("basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("abc123"))));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer abc")]
    [InlineData("Basic !!!not-base64")]
    [InlineData("Basic")]
    public void Anything_but_basic_credentials_has_no_user_name(string? header)
    {
        Assert.Null(BasicCredentials.UserName(header));
    }
}
