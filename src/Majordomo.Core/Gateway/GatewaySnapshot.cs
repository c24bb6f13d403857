using Majordomo.Budgets;
using Majordomo.Execution;
using Majordomo.LoopGuard;
using Majordomo.Routing;

namespace Majordomo.Gateway;

/// <summary>
/// Everything the request path reads of one config, resolved and compiled when the config loads or
/// reloads (never per request): the catalog, the routing snapshot (rules, selection, bound gates),
/// loop-guard settings, the budget plan, the executor's settings and the encoded gateway keys. An
/// endpoint reads <see cref="SnapshotHolder.Current"/> once and hands the parts down, so a request
/// that started before a reload finishes on the snapshot it started with, in every component.
/// </summary>
internal sealed class GatewaySnapshot
{
    public required Catalog.Catalog Catalog { get; init; }
    public required RoutingSnapshot Routing { get; init; }
    public required LoopSettingsSet Loop { get; init; }
    public required BudgetPlan Budgets { get; init; }
    public required ExecutionSettings Execution { get; init; }
    public required GatewayKeys Keys { get; init; }

    /// <summary><c>storage.logPrompts</c>: the request log keeps each body, secrets redacted (off by default).</summary>
    public bool LogPrompts { get; init; }

    /// <summary><c>cache</c> (SPEC §8); null when off (the default), so a request then does no cache work.</summary>
    public Caching.CacheSettings? Cache { get; init; }

    /// <summary><c>server.cors</c>; null when off (the default).</summary>
    public CorsOrigins? Cors { get; init; }
}
