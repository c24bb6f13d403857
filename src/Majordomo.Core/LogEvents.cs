namespace Majordomo;

/// <summary>
/// Every <c>[LoggerMessage]</c> event id of the gateway, in one place so no two log lines share an id
/// (a dashboard or alert keyed on an id must mean one thing). It sits at the root namespace, above every
/// folder, and uses nothing. Ranges follow the request path; <c>LogEventsTests</c> fails on a duplicate.
/// </summary>
internal static class LogEvents
{
    // Hosting (1–99)
    public const int ConfigReloaded = 10;
    public const int ConfigReloadRejected = 11;
    public const int ConfigKept = 12;
    public const int ConfigWarning = 13;
    public const int ConfigNeedsRestart = 14;
    public const int OpenWithoutKeys = 20;

    // Api (100–199)
    public const int RequestHandled = 100;

    // Execution (300–329), Health (330–399)
    public const int ChainExhausted = 300;
    public const int StreamFailedAfterFirstByte = 301;
    public const int CooldownStarted = 302;
    public const int ResilienceStateWriteFailed = 320;
    public const int LiveStateWatchFailed = 321;
    public const int LiveStateWatchRecovered = 322;
    public const int HealthCheckFailed = 330;

    // Routing (400–499)
    public const int SessionPinNotStored = 400;
    public const int RulePatternTimeout = 401;
    public const int SessionPinned = 402;
    public const int SessionPinWatchFailed = 403;
    public const int SessionPinWatchRecovered = 404;
    public const int WarmupFailed = 405;
    public const int SessionPinCancelled = 406;

    // Storage (500–509), Budgets (510–599)
    public const int RequestLogQueueFull = 500;
    public const int RequestLogWriteFailed = 501;
    public const int StoreWritesFailing = 502;
    public const int StoreWritesRecovered = 503;
    public const int RequestLogPruned = 504;
    public const int RequestLogPruneFailed = 505;
    public const int RequestLogLostAtShutdown = 506;
    public const int AlertWebhookFailed = 510;
    public const int BudgetAlert = 511;
    public const int BudgetStoreWriteFailed = 512;

    // LoopGuard (600–699)
    public const int LoopLevelEntered = 600;
    public const int LoopCleared = 601;
    public const int LoopStateQueueFull = 610;
    public const int LoopStateWriteFailed = 611;

    // Classification (3100–3199)
    public const int ModelClassifierFallback = 3101;
}
