using Majordomo.Budgets;

namespace Majordomo.Tests.Budgets;

public sealed class BudgetPeriodTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Fact]
    public void Month_ResetDayOfMonthNotYetReached_StartsInPreviousMonth()
    {
        var period = BudgetPeriod.Month(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero), TimeZoneInfo.Utc, 15);

        Assert.Equal(new DateTimeOffset(2026, 2, 15, 0, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 15, 0, 0, 0, TimeSpan.Zero), period.End);
        Assert.Equal("m2026-02-15", period.Key);
    }

    [Fact]
    public void Month_InTimeZone_ResetsAtLocalMidnight()
    {
        // 23:30 UTC on Oct 31 is already Nov 1 in Paris (UTC+1 in winter).
        var period = BudgetPeriod.Month(new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero), Paris, 1);

        Assert.Equal("m2026-11-01", period.Key);
        Assert.Equal(new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero), period.Start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), period.End.ToUniversalTime());
    }

    [Fact]
    public void Day_AcrossDaylightSavingChange_Is23HoursLong()
    {
        var period = BudgetPeriod.Day(new DateTimeOffset(2026, 3, 29, 12, 0, 0, TimeSpan.Zero), Paris);

        Assert.Equal("d2026-03-29", period.Key);
        Assert.Equal(TimeSpan.FromHours(23), period.End - period.Start);
    }

    [Fact]
    public void Current_ClockPassesEnd_MovesToNextPeriod()
    {
        var limit = new BudgetLimit
        {
            Scope = "quota:p",
            Kind = BudgetKind.Quota,
            PeriodKind = PeriodKind.Day,
            Limit = 10,
            Zone = TimeZoneInfo.Utc,
            ConfigPath = "budgets.quotas.p.daily",
        };
        var day1 = limit.Current(new DateTimeOffset(2026, 1, 1, 23, 59, 59, TimeSpan.Zero));
        var day2 = limit.Current(new DateTimeOffset(2026, 1, 2, 0, 0, 0, TimeSpan.Zero));

        Assert.Equal("d2026-01-01", day1.Key);
        Assert.Equal("d2026-01-02", day2.Key);
    }
}
