using System.Diagnostics.Metrics;
using System.Text;
using Majordomo.Caching;
using Majordomo.Config;
using Majordomo.Telemetry;
using Majordomo.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Majordomo.Tests.Caching;

public sealed class ResponseCacheTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ManualClock _clock = new();

    public void Dispose() => _services.Dispose();

    private ResponseCache NewCache() => new(_clock, new MajordomoMetrics(_services.GetRequiredService<IMeterFactory>()));

    private static CacheSettings Settings(int maxEntries = 100, long maxBytes = 1024 * 1024, int ttlSeconds = 300) =>
        new(TimeSpan.FromSeconds(ttlSeconds), maxEntries, maxBytes, System.Collections.Frozen.FrozenDictionary<string, TimeSpan>.Empty);

    private static CacheKey Key(int n) => new((ulong)n, 0, 0, 0);

    private static CachedAnswer Answer(int bytes = 100) => new("up/a", false, new byte[bytes], "application/json");

    [Fact]
    public void Get_AfterTtl_IsGoneAndItsBytesFreed()
    {
        var cache = NewCache();
        var settings = Settings();
        cache.Add(settings, Key(1), Answer(), TimeSpan.FromSeconds(300));

        _clock.Advance(TimeSpan.FromSeconds(299));
        Assert.NotNull(cache.Get(Key(1)));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(cache.Get(Key(1)));
        Assert.Equal(0, cache.Count);
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Add_PastMaxEntries_EvictsTheLeastRecentlyUsed()
    {
        var cache = NewCache();
        var settings = Settings(maxEntries: 10);
        for (var i = 0; i < 10; i++)
        {
            cache.Add(settings, Key(i), Answer(), settings.Ttl);
            _clock.Advance(TimeSpan.FromMilliseconds(1));
        }

        // Entry 0 is the oldest stored but the most recently read: entry 1 goes first.
        Assert.NotNull(cache.Get(Key(0)));
        cache.Add(settings, Key(10), Answer(), settings.Ttl);

        Assert.True(cache.Count <= 10, $"{cache.Count} entries");
        Assert.NotNull(cache.Get(Key(0)));
        Assert.Null(cache.Get(Key(1)));
        Assert.NotNull(cache.Get(Key(10)));
    }

    [Fact]
    public void Add_PastMaxBytes_StaysWithinTheBound()
    {
        var cache = NewCache();
        var settings = Settings(maxBytes: 64 * 1024);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(cache.Add(settings, Key(i), Answer(2000), settings.Ttl));
            Assert.True(cache.Bytes <= settings.MaxBytes, $"{cache.Bytes} bytes after {i + 1} stores");
        }

        Assert.Equal(cache.Count * (2000 + ResponseCache.EntryOverhead), cache.Bytes);
        Assert.NotNull(cache.Get(Key(99)));
    }

    [Fact]
    public void Add_AnswerBiggerThanAnEighthOfTheStore_IsNotKept()
    {
        var cache = NewCache();
        var settings = Settings(maxBytes: 64 * 1024);

        Assert.False(cache.Add(settings, Key(1), Answer(9 * 1024), settings.Ttl));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Add_SameKeyTwice_ReplacesAndCountsBytesOnce()
    {
        var cache = NewCache();
        var settings = Settings();
        cache.Add(settings, Key(1), Answer(100), settings.Ttl);
        cache.Add(settings, Key(1), Answer(300), settings.Ttl);

        Assert.Equal(1, cache.Count);
        Assert.Equal(300 + ResponseCache.EntryOverhead, cache.Bytes);
        Assert.Equal(300, cache.Get(Key(1))!.Bytes.Length);
    }

    private static CacheKey? KeyOf(string body, string model = "up/a", string? keyName = "k", string protocol = "openai") =>
        CacheKey.Of(Encoding.UTF8.GetBytes(body), protocol, model, keyName);

    [Fact]
    public void Of_OrderSpacingEscapesAndVolatileFields_SameKey()
    {
        var plain = KeyOf("""{"model":"auto","messages":[{"role":"user","content":"HEARTBEAT"}],"temperature":0}""");
        var shuffled = KeyOf("""
            { "temperature" : 0, "stream": true, "stream_options": {"include_usage": true}, "user": "u-1",
              "metadata": {"source": "heartbeat"}, "model": "other",
              "messages": [ { "content": "HEART\u0042EAT", "role": "user" } ] }
            """);

        Assert.NotNull(plain);
        Assert.Equal(plain, shuffled);
    }

    [Theory]
    [InlineData("""{"messages":[{"role":"user","content":"HEARTBEAT!"}]}""", "up/a", "k", "openai")]
    [InlineData("""{"messages":[{"role":"user","content":"HEARTBEAT"}],"temperature":1}""", "up/a", "k", "openai")]
    [InlineData("""{"messages":[{"role":"user","content":"HEARTBEAT"}]}""", "up/b", "k", "openai")]
    [InlineData("""{"messages":[{"role":"user","content":"HEARTBEAT"}]}""", "up/a", "other-key", "openai")]
    [InlineData("""{"messages":[{"role":"user","content":"HEARTBEAT"}]}""", "up/a", null, "openai")]
    [InlineData("""{"messages":[{"role":"user","content":"HEARTBEAT"}]}""", "up/a", "k", "anthropic")]
    public void Of_AnythingThatChangesTheAnswerOrTheTenant_OtherKey(string body, string model, string? keyName, string protocol)
    {
        var reference = KeyOf("""{"messages":[{"role":"user","content":"HEARTBEAT"}]}""");

        Assert.NotEqual(reference, KeyOf(body, model, keyName, protocol));
    }

    [Fact]
    public void Of_MetadataCacheFalse_NoKey()
    {
        Assert.Null(KeyOf("""{"messages":[{"role":"user","content":"hi"}],"metadata":{"cache":false}}"""));
        Assert.NotNull(KeyOf("""{"messages":[{"role":"user","content":"hi"}],"metadata":{"cache":true}}"""));
    }

    [Fact]
    public void From_RouteSections_TtlPerRouteAndZeroWhereOff()
    {
        var config = TestConfig.LoadValid("""
            {
              "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
              "models": { "p/m": { "provider": "p" } },
              "routes": { "off": { "chain": ["p/m"], "cache": false }, "short": { "chain": ["p/m"], "cache": { "ttlSeconds": 5 } }, "plain": { "chain": ["p/m"] } },
              "cache": { "ttlSeconds": 60, "maxEntries": 5, "maxBytes": 1048576 }
            }
            """);

        var settings = CacheSettings.From(config)!;

        Assert.Equal(TimeSpan.Zero, settings.TtlFor("off"));
        Assert.Equal(TimeSpan.FromSeconds(5), settings.TtlFor("short"));
        Assert.Equal(TimeSpan.FromSeconds(60), settings.TtlFor("plain"));
        Assert.Equal(TimeSpan.FromSeconds(60), settings.TtlFor(null));
        Assert.Equal(5, settings.MaxEntries);
        Assert.Null(CacheSettings.From(TestConfig.LoadValid(TestConfig.Minimal)));
        Assert.Null(CacheSettings.From(config with { Cache = new CacheConfig { Enabled = false } }));
    }

    private const string Base = """
        "providers": { "p": { "api": "openai", "baseUrl": "http://127.0.0.1:9/v1" } },
        "models": { "p/m": { "provider": "p" } }
        """;

    [Theory]
    [InlineData("""{ "ttlSeconds": 0 }""", null, "cache.ttlSeconds: must be between 1 and 604800 (got 0)")]
    [InlineData("""{ "maxEntries": 0 }""", null, "cache.maxEntries: must be between 1 and 10000000 (got 0)")]
    [InlineData("""{ "maxBytes": 1000 }""", null, "cache.maxBytes: must be between 65536 and 17179869184 (got 1000)")]
    [InlineData("""{ "ttl": 5 }""", null, "cache.ttl: unknown key")]
    [InlineData("{}", """{ "maxEntries": 5 }""", "routes.r.cache.maxEntries: is global only: the cache is one store (set it in the top-level \"cache\")")]
    [InlineData("{}", """{ "ttlSeconds": -1 }""", "routes.r.cache.ttlSeconds: must be between 1 and 604800 (got -1)")]
    public void Validate_BadValues_ClearErrors(string global, string? route, string expected)
    {
        var routes = route is null ? "" : ", \"routes\": { \"r\": { \"chain\": [\"p/m\"], \"cache\": " + route + " } }";
        var result = TestConfig.Load("{" + Base + ", \"cache\": " + global + routes + "}");

        Assert.Equal(expected, Assert.Single(result.Errors));
    }

    [Fact]
    public void Validate_CacheNotABoolOrObject_TypeError()
    {
        var result = TestConfig.Load("{" + Base + ", \"cache\": \"yes\" }");

        Assert.Contains("cache", Assert.Single(result.Errors), StringComparison.Ordinal);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_RouteCacheWithoutGlobal_Warns()
    {
        var result = TestConfig.Load("{" + Base + ", \"routes\": { \"r\": { \"chain\": [\"p/m\"], \"cache\": { \"ttlSeconds\": 5 } } } }");

        Assert.True(result.IsValid);
        Assert.Contains("routes.r.cache: has no effect while the top-level \"cache\" is absent or disabled", result.Warnings);
    }
}
