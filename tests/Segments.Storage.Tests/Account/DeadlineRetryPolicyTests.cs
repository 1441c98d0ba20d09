using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Segments.Storage.Account;

namespace Segments.Storage.Tests.Account;

/// <summary>
/// A storage endpoint that accepts connections and never answers (a hung account, a black-holed network) holds an
/// operation for the clients' network timeout on every try, minutes in all; inside a <see cref="StorageCallBudget"/>
/// it fails within the budget, as an outage <see cref="StorageFaults"/> recognises.
/// </summary>
public sealed class DeadlineRetryPolicyTests : IDisposable
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _accepted = [];

    public DeadlineRetryPolicyTests()
    {
        _silent.Start();
        _ = AcceptForeverAsync();
    }

    [Fact]
    public async Task An_operation_on_storage_that_never_answers_fails_within_its_budget_as_an_outage()
    {
        var port = ((IPEndPoint)_silent.LocalEndpoint).Port;
        var account = StorageAccount.Connect(
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;");
        var elapsed = Stopwatch.StartNew();

        Exception? failure;
        using (StorageCallBudget.Start(TimeSpan.FromSeconds(2)))
        {
            failure = await Record.ExceptionAsync(() => account.Tables.GetTableClient("Runs").GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("p", "r"));
        }

        elapsed.Stop();
        Assert.NotNull(failure);
        Assert.True(StorageFaults.IsUnreachable(failure, callerCancelled: false), failure.ToString());
        Assert.True(elapsed.Elapsed < TimeSpan.FromSeconds(4.5), $"took {elapsed.Elapsed.TotalSeconds:F1} s");
    }

    [Fact]
    public void Outside_a_budget_there_is_none()
    {
        Assert.Null(StorageCallBudget.Current);
        using (StorageCallBudget.Start(TimeSpan.FromSeconds(1)))
        {
            Assert.Equal(TimeSpan.FromSeconds(1), StorageCallBudget.Current!.PerOperation);
        }

        Assert.Null(StorageCallBudget.Current);
    }

    public void Dispose()
    {
        _silent.Stop();
        lock (_accepted)
        {
            _accepted.ForEach(socket => socket.Dispose());
        }
    }

    private async Task AcceptForeverAsync()
    {
        try
        {
            while (true)
            {
                var socket = await _silent.AcceptSocketAsync();
                lock (_accepted)
                {
                    _accepted.Add(socket);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
