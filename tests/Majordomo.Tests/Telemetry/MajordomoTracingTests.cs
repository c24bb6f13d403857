using System.Diagnostics;
using Majordomo.Telemetry;

namespace Majordomo.Tests.Telemetry;

/// <summary>
/// Tracing off is free: with nothing listening to the <c>Majordomo</c> source (no <c>telemetry.otlp</c>,
/// no exporter; no test in this assembly adds a listener) no span is made at all.
/// </summary>
public sealed class MajordomoTracingTests
{
    [Fact]
    public void StartRequest_NoListener_NoSpanAndNoCurrentRequest()
    {
        using var tracing = new MajordomoTracing();

        var span = tracing.StartRequest("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", null);

        Assert.Null(span);
        Assert.Null(Activity.Current);
        Assert.Null(tracing.CurrentRequest());
    }
}
