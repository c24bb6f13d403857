using System.Text.Json;
using System.Text.Json.Serialization;

namespace Majordomo.Config;

/// <summary>
/// A config value written either as a string (its short form) or as a JSON object or array (the full
/// form); written back as the short form.
/// </summary>
internal abstract class ShortFormConverter<T> : JsonConverter<T>
{
    /// <summary>The token the full form starts with.</summary>
    protected abstract JsonTokenType FullForm { get; }

    /// <summary>The error when the value is neither form.</summary>
    protected abstract string Expected { get; }

    protected abstract T FromShortForm(string? value);

    protected abstract T? ReadFullForm(ref Utf8JsonReader reader);

    protected abstract string? ShortForm(T value);

    public sealed override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return FromShortForm(reader.GetString());
        }

        return reader.TokenType == FullForm ? ReadFullForm(ref reader) : throw new JsonException(Expected);
    }

    public sealed override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        => writer.WriteStringValue(ShortForm(value));
}

// Chain entries are written either as "provider/model" or as { "model": ..., "retries": ... }.
internal sealed class ChainEntryConfigConverter : ShortFormConverter<ChainEntryConfig>
{
    protected override JsonTokenType FullForm => JsonTokenType.StartObject;

    protected override string Expected => "expected a model id string or an entry object";

    protected override ChainEntryConfig FromShortForm(string? value) => new() { Model = value };

    protected override ChainEntryConfig ReadFullForm(ref Utf8JsonReader reader)
    {
        ChainEntryFields raw;
        try
        {
            raw = JsonSerializer.Deserialize(ref reader, ConfigJsonContext.Default.ChainEntryFields)
                ?? throw new JsonException("expected a chain entry object");
        }
        catch (JsonException ex) when (ex.Path is not null)
        {
            // Rethrown without a path so the serializer stamps the entry's own path; the loader joins both.
            throw new JsonException(ex.Message, ex);
        }

        return new ChainEntryConfig(raw);
    }

    protected override string? ShortForm(ChainEntryConfig value) => value.Model;
}

// A route's chain is a chain's name or the entries themselves.
internal sealed class ChainRefConverter : ShortFormConverter<ChainRef>
{
    protected override JsonTokenType FullForm => JsonTokenType.StartArray;

    protected override string Expected => "expected a chain name or an array of entries";

    protected override ChainRef FromShortForm(string? value) => new() { Name = value };

    protected override ChainRef ReadFullForm(ref Utf8JsonReader reader) =>
        new() { Entries = JsonSerializer.Deserialize(ref reader, ConfigJsonContext.Default.ListChainEntryConfig) };

    protected override string? ShortForm(ChainRef value) => value.Name;
}

// A cache section is an object or a bare true / false (routes.X.cache: false turns the cache off there).
internal sealed class CacheConfigConverter : JsonConverter<CacheConfig>
{
    public override CacheConfig? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.True => new CacheConfig { Enabled = true },
        JsonTokenType.False => new CacheConfig { Enabled = false },
        JsonTokenType.StartObject => JsonSerializer.Deserialize(ref reader, ConfigJsonContext.Default.CacheConfig),
        _ => throw new JsonException("expected true, false or a cache object"),
    };

    public override void Write(Utf8JsonWriter writer, CacheConfig value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, ConfigJsonContext.Default.CacheConfig);
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.Strict,
    WriteIndented = true)]
[JsonSerializable(typeof(MajordomoConfig))]
[JsonSerializable(typeof(ChainEntryFields))]
[JsonSerializable(typeof(List<ChainEntryConfig>))]
[JsonSerializable(typeof(CacheConfig))]
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
