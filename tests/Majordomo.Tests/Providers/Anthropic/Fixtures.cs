using System.Text;
using Majordomo.Providers;

namespace Majordomo.Tests.Providers.Anthropic;

/// <summary>Recorded wire data under Data/Anthropic and helpers to replay it.</summary>
internal static class Fixtures
{
    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "Anthropic", name));

    /// <summary>Every event of a recorded SSE file, read by the production reader.</summary>
    public static async Task<List<(string? Type, byte[] Data)>> EventsAsync(string name)
    {
        var reader = new SseBatchReader(new MemoryStream(Bytes(name)), 1 << 20);
        var batch = new SseBatch();
        var events = new List<(string?, byte[])>();
        while (await reader.ReadAsync(batch, CancellationToken.None))
        {
            for (var i = 0; i < batch.Count; i++)
            {
                events.Add((batch.EventType(i), batch.Data(i).ToArray()));
            }
        }

        reader.Complete();
        return events;
    }

    public static string Text(ReadOnlySpan<byte> data) => Encoding.UTF8.GetString(data);
}
