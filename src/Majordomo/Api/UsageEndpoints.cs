using System.Text.Json;
using Majordomo.Budgets;
using Majordomo.Engine;
using Majordomo.Gateway;
using Majordomo.Storage;

namespace Majordomo.Api;

/// <summary>
/// <c>GET /usage</c> and <c>GET /stats</c>: the same objects as <c>majordomo usage --json</c> and
/// <c>stats --json</c>. They hold no secret, but they do show spend, traffic and key names, so they
/// ask for a gateway key like <c>/v1/*</c> when keys are configured, and a key without
/// <c>"admin": true</c> sees only its own budgets and requests (plus the shared ones it draws on).
/// </summary>
internal sealed class UsageEndpoints(SnapshotHolder snapshots, BudgetLedger ledger, IAlertStore alerts, IRequestLogStore requests, RequestIds ids, TimeProvider time)
{
    public async Task UsageAsync(HttpContext context)
    {
        if (await RequireAsync(context).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        var report = await UsageReports.BuildAsync(ledger, alerts, caller.KeyName, caller.Tenant, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, report, BudgetJson.Default.UsageReport, context.RequestAborted).ConfigureAwait(false);
    }

    public async Task StatsAsync(HttpContext context)
    {
        if (await RequireAsync(context).ConfigureAwait(false) is not { } caller)
        {
            return;
        }

        if (!StatsReports.TryParseSince(context.Request.Query["since"].FirstOrDefault(), out var span))
        {
            await Errors.WriteAsync(context, 400, "'since' must be a duration such as 30m, 24h or 7d.", "invalid_request_error", "invalid_since", "since").ConfigureAwait(false);
            return;
        }

        var baselineName = context.Request.Query["baseline"].FirstOrDefault();
        if (SavingsBaseline.Create(snapshots.Current.Catalog, string.IsNullOrWhiteSpace(baselineName) ? null : baselineName) is not { } baseline)
        {
            await Errors.WriteAsync(context, 400, "'baseline' must name a model or alias of the config.", "invalid_request_error", "invalid_baseline", "baseline").ConfigureAwait(false);
            return;
        }

        var now = time.GetUtcNow();
        StatsReport report;
        try
        {
            report = await StatsReports.BuildAsync(requests, now - span, now.AddSeconds(1), caller.Tenant, context.RequestAborted, baseline).ConfigureAwait(false);
        }
        catch (StoreException ex)
        {
            await Errors.WriteAsync(context, 503, "The request log cannot be read: " + ex.Message, "server_error", "store_unavailable").ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, report, BudgetJson.Default.StatsReport, context.RequestAborted).ConfigureAwait(false);
    }

    private Task<Caller?> RequireAsync(HttpContext context)
    {
        context.Response.Headers["X-Request-Id"] = ids.New();
        return Caller.RequireAsync(context, snapshots.Current, Ingress.OpenAI);
    }
}
