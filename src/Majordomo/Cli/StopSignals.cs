using System.Runtime.InteropServices;

namespace Majordomo.Cli;

/// <summary>
/// SIGTERM and SIGINT as a graceful stop for <c>serve</c>, handled from the command's first line: a signal before
/// the host registered its own handlers (while the config loads and migrations run) would otherwise end the
/// process at once with 143, skipping the stop. Systemd and <c>docker stop</c> expect exit 0 at any moment.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignals() =>
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal)];

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _stop.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _stop.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // The host stops in its own time (HostOptions.ShutdownTimeout), not the runtime's default of ending now.
        context.Cancel = true;
        _stop.Cancel();
    }
}
