using Majordomo.Chat;

namespace Majordomo.Classification;

/// <summary>
/// Builds the o200k vocabulary in the background when the gateway starts, so the first request does not
/// pay for it (it takes hundreds of milliseconds). A request arriving earlier waits on the same load.
/// </summary>
internal sealed class TokenizerWarmup : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.Run(() => TokenTally.CountExact("warm"), stoppingToken);
}
