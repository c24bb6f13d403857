using Majordomo.Execution;

namespace Majordomo.Tests.Execution;

public class JitterTests
{
    private static readonly TimeSpan NoCap = TimeSpan.FromHours(1);

    /// <summary>A <see cref="Random"/> whose NextDouble always returns the same value.</summary>
    private sealed class FixedRandom(double value) : Random
    {
        public override double NextDouble() => value;
    }

    [Fact]
    public void Backoff_SameSeed_SameSequence()
    {
        var a = new Jitter(new Random(1234));
        var b = new Jitter(new Random(1234));

        var first = Enumerable.Range(1, 20).Select(i => a.Backoff(100, i % 5, null, NoCap)).ToArray();
        var second = Enumerable.Range(1, 20).Select(i => b.Backoff(100, i % 5, null, NoCap)).ToArray();

        Assert.Equal(first, second);
        Assert.True(first.Distinct().Count() > 10, "jitter should vary between calls");
    }

    [Fact]
    public void Backoff_DifferentSeeds_DifferentSequences()
    {
        var a = new Jitter(new Random(1));
        var b = new Jitter(new Random(2));

        Assert.NotEqual(
            Enumerable.Range(0, 5).Select(_ => a.Backoff(100, 1, null, NoCap)).ToArray(),
            Enumerable.Range(0, 5).Select(_ => b.Backoff(100, 1, null, NoCap)).ToArray());
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 100)]
    [InlineData(2, 200)]
    [InlineData(3, 400)]
    [InlineData(5, 1600)]
    public void Backoff_MidpointFactor_DoublesPerRetry(int retry, double expectedMs)
    {
        var jitter = new Jitter(new FixedRandom(0.5));

        Assert.Equal(expectedMs, jitter.Backoff(100, retry, null, NoCap).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Backoff_FactorRange_IsHalfToOneAndAHalf()
    {
        Assert.Equal(50, new Jitter(new FixedRandom(0.0)).Backoff(100, 1, null, NoCap).TotalMilliseconds, precision: 6);
        Assert.Equal(149.9, new Jitter(new FixedRandom(0.999)).Backoff(100, 1, null, NoCap).TotalMilliseconds, precision: 6);
    }

    [Fact]
    public void Backoff_SeededValues_StayWithinTheJitterBand()
    {
        var jitter = new Jitter(new Random(99));

        for (var retry = 1; retry <= 6; retry++)
        {
            var nominal = 250 * Math.Pow(2, retry - 1);
            var ms = jitter.Backoff(250, retry, null, NoCap).TotalMilliseconds;
            Assert.InRange(ms, nominal * 0.5, nominal * 1.5);
        }
    }

    [Fact]
    public void Backoff_LargeRetry_IsCapped()
    {
        var jitter = new Jitter(new FixedRandom(0.9));

        Assert.Equal(TimeSpan.FromSeconds(5), jitter.Backoff(1000, 30, null, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Backoff_RetryAfterLongerThanDelay_IsTheMinimum()
    {
        var jitter = new Jitter(new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromSeconds(3), jitter.Backoff(100, 1, TimeSpan.FromSeconds(3), NoCap));
    }

    [Fact]
    public void Backoff_RetryAfterShorterThanDelay_DelayWins()
    {
        var jitter = new Jitter(new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromMilliseconds(400), jitter.Backoff(100, 3, TimeSpan.FromMilliseconds(10), NoCap));
    }

    [Fact]
    public void Backoff_RetryAfterAboveTheCap_StillHonoured()
    {
        var jitter = new Jitter(new FixedRandom(0.5));

        Assert.Equal(TimeSpan.FromSeconds(30), jitter.Backoff(100, 1, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void Backoff_ZeroBase_IsZeroUnlessRetryAfter()
    {
        var jitter = new Jitter(new Random(5));

        Assert.Equal(TimeSpan.Zero, jitter.Backoff(0, 4, null, NoCap));
        Assert.Equal(TimeSpan.FromSeconds(1), jitter.Backoff(0, 4, TimeSpan.FromSeconds(1), NoCap));
    }
}
