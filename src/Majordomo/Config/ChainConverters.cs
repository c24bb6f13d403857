using System.Text.Json;
using System.Text.Json.Serialization;

namespace Majordomo.Config;

// Chain entries are written either as "provider/model" or as { "model": ..., "retries": ... }.
internal sealed class ChainEntryConfigConverter : JsonConverter<ChainEntryConfig>
{
    public override ChainEntryConfig? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ChainEntryConfig { Model = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("expected a model id string or an entry object");
        }

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

    public override void Write(Utf8JsonWriter writer, ChainEntryConfig value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Model);
}

internal sealed class ChainRefConverter : JsonConverter<ChainRef>
{
    public override ChainRef? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new ChainRef { Name = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("expected a chain name or an array of entries");
        }

        var entries = JsonSerializer.Deserialize(ref reader, ConfigJsonContext.Default.ListChainEntryConfig);
        return new ChainRef { Entries = entries };
    }

    public override void Write(Utf8JsonWriter writer, ChainRef value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.Name);
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
internal sealed partial class ConfigJsonContext : JsonSerializerContext;
