namespace Majordomo.Config.Validation;

/// <summary><c>telemetry.otlp</c> (SPEC §7): an http(s) collector URL and a known protocol.</summary>
internal static class TelemetryValidator
{
    public static void Validate(ValidationContext c)
    {
        if (!c.Present(c.Config.Telemetry, "telemetry", out var telemetry) || !c.Present(telemetry.Otlp, "telemetry.otlp", out var otlp))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(otlp.Endpoint))
        {
            c.Error("telemetry.otlp.endpoint", "is required (the collector's base URL, e.g. http://127.0.0.1:4317)");
        }
        else if (!ValidationContext.IsHttpUrl(otlp.Endpoint, out _))
        {
            c.Error("telemetry.otlp.endpoint", $"'{otlp.Endpoint}' is not an http(s) URL");
        }

        if (otlp.Protocol is not null)
        {
            c.OneOf(otlp.Protocol, OtlpProtocols.All, "telemetry.otlp.protocol", "protocol");
        }

        if (otlp.Traces == false && otlp.Metrics == false)
        {
            c.Warn("telemetry.otlp", "both traces and metrics are false: nothing is exported");
        }
    }
}
