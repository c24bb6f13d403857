using Majordomo.Budgets;
using Majordomo.Caching;
using Majordomo.Execution;
using Majordomo.Gateway;
using Majordomo.LoopGuard;
using Majordomo.Routing;
using Majordomo.Telemetry;

namespace Majordomo.Engine;

/// <summary>
/// What each front door — the gateway's chat endpoint and the library's <see cref="MajordomoChatClient"/> —
/// runs a request with, from taking the snapshot to recording the outcome. One record, so a new stage is
/// added in one place for both.
/// </summary>
internal sealed record RequestServices(
    SnapshotHolder Snapshots,
    ChainExecutor Executor,
    RouteDecider Router,
    ToolLoopGuard LoopGuard,
    RequestIds Ids,
    TimeProvider Time,
    IDegradationSource Degradation,
    MajordomoTracing Tracing,
    RequestAccounting Accounting,
    ResponseCache Cache);
