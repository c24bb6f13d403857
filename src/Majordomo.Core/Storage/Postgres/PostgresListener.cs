using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Npgsql;

namespace Majordomo.Storage.Postgres;

/// <summary>
/// A connection of its own that <c>LISTEN</c>s on one channel, held while a watcher watches; failures
/// come out as <see cref="StoreException"/> (the watcher reconnects).
/// </summary>
internal sealed class PostgresListener : IAsyncDisposable
{
    private readonly Channel<string> _received = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    private PostgresListener(NpgsqlConnection connection)
    {
        Connection = connection;
        connection.Notification += (_, e) => _received.Writer.TryWrite(e.Payload);
    }

    /// <summary>The listening connection, free for queries between notifications.</summary>
    public NpgsqlConnection Connection { get; }

    public static async Task<PostgresListener> StartAsync(PostgresStore store, string channel, CancellationToken cancellationToken)
    {
        var connection = await PostgresStore.GuardAsync(() => store.DataSource.OpenConnectionAsync(cancellationToken).AsTask()).ConfigureAwait(false);
        var listener = new PostgresListener(connection);
        try
        {
            await using var listen = new NpgsqlCommand($"LISTEN {channel};", connection);
            await PostgresStore.GuardAsync(() => listen.ExecuteNonQueryAsync(cancellationToken)).ConfigureAwait(false);
            return listener;
        }
        catch
        {
            await listener.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Each notification's payload, as they arrive; never ends while the connection holds.</summary>
    public async IAsyncEnumerable<string> PayloadsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            await PostgresStore.GuardAsync(async () =>
            {
                await Connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }).ConfigureAwait(false);
            while (_received.Reader.TryRead(out var payload))
            {
                yield return payload;
            }
        }
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
