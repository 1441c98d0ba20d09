using System.Security.Cryptography;
using System.Text;
using Segments.Core.Ingest;
using Segments.Core.Ingest.Records;

namespace Segments.Core.Tests.Ingest.Records;

/// <summary>The content hash the duplicate check compares: what the export holds, however it was compressed.</summary>
public class ContentDigestTests
{
    private static readonly byte[] Plain = Encoding.UTF8.GetBytes("customer_id,order_id,order_date,amount\nA,o1,2024-03-01,10\nB,o2,2024-03-02,20\n");

    [Fact]
    public async Task The_same_export_plain_and_gzipped_has_one_hash_the_SHA256_of_the_plain_bytes()
    {
        var plain = await HashAsync(Plain, "day.csv");
        var gzipped = await HashAsync(ExportBytes.Gzip(Plain), "day.csv.gz");

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Plain)), plain);
        Assert.Equal(plain, gzipped);
    }

    [Fact]
    public async Task A_file_refused_before_its_end_has_no_hash()
    {
        Assert.Null(await HashAsync(Encoding.UTF8.GetBytes("a,b\n" + string.Concat(Enumerable.Range(0, 50_000).Select(i => $"{i},{i}\n"))), "unknown.csv"));
    }

    private static async Task<string?> HashAsync(byte[] bytes, string name)
    {
        using var digest = new ContentDigest();
        using var stream = new MemoryStream(bytes);
        await new ExportProcessor(ExportContext.Default).ProcessAsync(
            stream, new ExportSource(name) { Digest = digest }, _ => ValueTask.CompletedTask, _ => ValueTask.CompletedTask, CancellationToken.None);
        return digest.Hash;
    }
}
