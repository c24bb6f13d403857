using System.Text.Json;

namespace Majordomo.Providers.OpenAI;

/// <summary>
/// Type checks for the optional top-level fields, made in the same single pass: a wrong type is the
/// client's fault and gets a 400 naming the field, instead of reaching (and being paid for at) the
/// upstream. Null is accepted wherever a field is optional.
/// </summary>
internal static partial class OpenAIRequestReader
{
    [Flags]
    private enum Kinds
    {
        None = 0,
        String = 1,
        Number = 2,
        PositiveInteger = 4,
        NonNegativeInteger = 8,
        Integer = 16,
        Bool = 32,
        Array = 64,
        ObjectArray = 128,
        Object = 256,
    }

    private sealed record Field(byte[] Name, string Path, Kinds Allowed, string Expected);

    private static readonly Field[] OpenAIFields =
    [
        new("max_tokens"u8.ToArray(), "max_tokens", Kinds.PositiveInteger, "a positive integer"),
        new("max_completion_tokens"u8.ToArray(), "max_completion_tokens", Kinds.PositiveInteger, "a positive integer"),
        new("n"u8.ToArray(), "n", Kinds.PositiveInteger, "a positive integer"),
        new("temperature"u8.ToArray(), "temperature", Kinds.Number, "a number"),
        new("top_p"u8.ToArray(), "top_p", Kinds.Number, "a number"),
        new("presence_penalty"u8.ToArray(), "presence_penalty", Kinds.Number, "a number"),
        new("frequency_penalty"u8.ToArray(), "frequency_penalty", Kinds.Number, "a number"),
        new("seed"u8.ToArray(), "seed", Kinds.Integer, "an integer"),
        new("top_logprobs"u8.ToArray(), "top_logprobs", Kinds.NonNegativeInteger, "a non-negative integer"),
        new("logprobs"u8.ToArray(), "logprobs", Kinds.Bool, "true or false"),
        new("parallel_tool_calls"u8.ToArray(), "parallel_tool_calls", Kinds.Bool, "true or false"),
        new("store"u8.ToArray(), "store", Kinds.Bool, "true or false"),
        new("stop"u8.ToArray(), "stop", Kinds.String | Kinds.Array, "a string or an array of strings"),
        new("user"u8.ToArray(), "user", Kinds.String, "a string"),
        new("reasoning_effort"u8.ToArray(), "reasoning_effort", Kinds.String, "a string"),
        new("tools"u8.ToArray(), "tools", Kinds.ObjectArray, "an array of tool objects"),
        new("functions"u8.ToArray(), "functions", Kinds.ObjectArray, "an array of function objects"),
        new("tool_choice"u8.ToArray(), "tool_choice", Kinds.String | Kinds.Object, "a string or an object"),
        new("response_format"u8.ToArray(), "response_format", Kinds.Object, "an object"),
        new("logit_bias"u8.ToArray(), "logit_bias", Kinds.Object, "an object"),
    ];

    private static readonly Field[] AnthropicFields =
    [
        new("temperature"u8.ToArray(), "temperature", Kinds.Number, "a number"),
        new("top_p"u8.ToArray(), "top_p", Kinds.Number, "a number"),
        new("top_k"u8.ToArray(), "top_k", Kinds.NonNegativeInteger, "a non-negative integer"),
        new("stop_sequences"u8.ToArray(), "stop_sequences", Kinds.Array, "an array of strings"),
        new("tools"u8.ToArray(), "tools", Kinds.ObjectArray, "an array of tool objects"),
        new("tool_choice"u8.ToArray(), "tool_choice", Kinds.Object, "an object"),
        new("thinking"u8.ToArray(), "thinking", Kinds.Object, "an object"),
    ];

    private static readonly Field[] ResponsesFields =
    [
        new("max_output_tokens"u8.ToArray(), "max_output_tokens", Kinds.PositiveInteger, "a positive integer"),
        new("max_tool_calls"u8.ToArray(), "max_tool_calls", Kinds.PositiveInteger, "a positive integer"),
        new("temperature"u8.ToArray(), "temperature", Kinds.Number, "a number"),
        new("top_p"u8.ToArray(), "top_p", Kinds.Number, "a number"),
        new("top_logprobs"u8.ToArray(), "top_logprobs", Kinds.NonNegativeInteger, "a non-negative integer"),
        new("parallel_tool_calls"u8.ToArray(), "parallel_tool_calls", Kinds.Bool, "true or false"),
        new("background"u8.ToArray(), "background", Kinds.Bool, "true or false"),
        new("user"u8.ToArray(), "user", Kinds.String, "a string"),
        new("truncation"u8.ToArray(), "truncation", Kinds.String, "a string"),
        new("tool_choice"u8.ToArray(), "tool_choice", Kinds.String | Kinds.Object, "a string or an object"),
        new("text"u8.ToArray(), "text", Kinds.Object, "an object"),
        new("reasoning"u8.ToArray(), "reasoning", Kinds.Object, "an object"),
        new("include"u8.ToArray(), "include", Kinds.Array, "an array of strings"),
    ];

    /// <summary>The checked field the reader's property name is, or null for one passed through unchecked.</summary>
    private static Field? FieldFor(ref Utf8JsonReader reader, Dialect dialect)
    {
        foreach (var field in dialect switch { Dialect.Anthropic => AnthropicFields, Dialect.Responses => ResponsesFields, _ => OpenAIFields })
        {
            if (reader.ValueTextEquals(field.Name))
            {
                return field;
            }
        }

        return null;
    }

    /// <summary>Checks the value the reader is on against <paramref name="field"/> and consumes it.</summary>
    private static void CheckField(ref Utf8JsonReader reader, Field field)
    {
        var allowed = field.Allowed;
        var ok = reader.TokenType switch
        {
            JsonTokenType.Null => true,
            JsonTokenType.String => (allowed & Kinds.String) != 0,
            JsonTokenType.True or JsonTokenType.False => (allowed & Kinds.Bool) != 0,
            JsonTokenType.StartObject => (allowed & Kinds.Object) != 0,
            JsonTokenType.StartArray => (allowed & (Kinds.Array | Kinds.ObjectArray)) != 0,
            JsonTokenType.Number => NumberFits(ref reader, allowed),
            _ => false,
        };

        if (!ok)
        {
            throw new RequestValidationException($"'{field.Path}' must be {field.Expected}.", field.Path);
        }

        if (reader.TokenType == JsonTokenType.StartArray && (allowed & Kinds.ObjectArray) != 0)
        {
            ReadObjects(ref reader, field.Path, "an object");
            return;
        }

        reader.Skip();
    }

    private static bool NumberFits(ref Utf8JsonReader reader, Kinds allowed)
    {
        if ((allowed & Kinds.Number) != 0)
        {
            return true;
        }

        // 100, 1E+2 and 100.0 are the same integer to a JSON client; counts must fit an int, a seed a long.
        if (!reader.TryGetDouble(out var value) || value != Math.Floor(value) || double.IsInfinity(value))
        {
            return false;
        }

        return ((allowed & Kinds.Integer) != 0 && value is >= long.MinValue and <= long.MaxValue)
            || ((allowed & Kinds.PositiveInteger) != 0 && value is >= 1 and <= int.MaxValue)
            || ((allowed & Kinds.NonNegativeInteger) != 0 && value is >= 0 and <= int.MaxValue);
    }
}
