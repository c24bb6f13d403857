using System.Globalization;

namespace Majordomo.Budgets;

internal enum PeriodKind
{
    Day,
    Month,
}

/// <summary>
/// One budget period in a time zone: a local calendar day, or a month that starts on
/// <c>resetDayOfMonth</c> at local midnight. <see cref="Key"/> names the period in the store.
/// </summary>
internal readonly record struct BudgetPeriod(DateTimeOffset Start, DateTimeOffset End, string Key)
{
    public bool Contains(DateTimeOffset now) => now >= Start && now < End;

    public static BudgetPeriod For(PeriodKind kind, DateTimeOffset now, TimeZoneInfo zone, int resetDayOfMonth) =>
        kind == PeriodKind.Day ? Day(now, zone) : Month(now, zone, resetDayOfMonth);

    public static BudgetPeriod Day(DateTimeOffset now, TimeZoneInfo zone)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        return new BudgetPeriod(StartOf(date, zone), StartOf(date.AddDays(1), zone), "d" + date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    public static BudgetPeriod Month(DateTimeOffset now, TimeZoneInfo zone, int resetDayOfMonth)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var day = Math.Clamp(resetDayOfMonth, 1, 28);
        var anchor = new DateOnly(date.Year, date.Month, day);
        if (date < anchor)
        {
            anchor = anchor.AddMonths(-1);
        }

        return new BudgetPeriod(StartOf(anchor, zone), StartOf(anchor.AddMonths(1), zone), "m" + anchor.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>Local midnight of <paramref name="date"/> as an instant (a midnight skipped by DST moves to the next valid hour).</summary>
    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The configured zone, or UTC (the validator has already rejected unknown names).</summary>
    public static TimeZoneInfo Zone(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return TimeZoneInfo.Utc;
        }

        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
