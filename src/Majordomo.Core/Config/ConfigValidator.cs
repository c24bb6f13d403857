using Majordomo.Config.Validation;

namespace Majordomo.Config;

public sealed record ValidationResult(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings);

/// <summary>
/// Checks a whole config at once and reports every problem with its JSON path (STYLE #2): unknown
/// keys, dangling references, name clashes, cycles, bad URLs, bad regexes, out-of-range numbers. Each
/// area has its own small validator in <c>Validation/</c>; they share one <see cref="ValidationContext"/>
/// and run in this order (the order problems are reported in).
/// </summary>
internal static class ConfigValidator
{
    private static readonly Action<ValidationContext>[] Areas =
    [
        c => c.Unknown(c.Config, ""),
        ModelValidator.HeaderSafeNames,
        ServerValidator.Validate,
        ProviderValidator.Validate,
        ModelValidator.Validate,
        ModelValidator.Aliases,
        ChainValidator.Validate,
        RouteValidator.Validate,
        RouteValidator.References,
        RuleValidator.Validate,
        SelectionValidator.Classifier,
        SelectionValidator.Selection,
        BudgetValidator.Validate,
        ResilienceValidator.Resilience,
        ResilienceValidator.Health,
        LoopDetectionValidator.Validate,
        TelemetryValidator.Validate,
        CacheValidator.Validate,
        c => c.Unknown(c.Config.Commands, "commands"),
    ];

    public static ValidationResult Validate(MajordomoConfig config)
    {
        var context = new ValidationContext(config);
        foreach (var area in Areas)
        {
            area(context);
        }

        return new ValidationResult(context.Errors, context.Warnings);
    }
}
