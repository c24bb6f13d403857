using System.Text.Json;
using Majordomo.Chat;

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

    private sealed record Field(string Path, Kinds Allowed, string Expected)
    {
        public byte[] Name { get; } = System.Text.Encoding.UTF8.GetBytes(Path);
    }

    // Checked alike in both protocols.
    private static readonly Field Temperature = new("temperature", Kinds.Number, "a number");
    private static readonly Field TopP = new("top_p", Kinds.Number, "a number");
    private static readonly Field Tools = new("tools", Kinds.ObjectArray, "an array of tool objects");

    private static readonly Field[] OpenAIFields =
    [
        new("max_tokens", Kinds.PositiveInteger, "a positive integer"),
        new("max_completion_tokens", Kinds.PositiveInteger, "a positive integer"),
        new("n", Kinds.PositiveInteger, "a positive integer"),
        Temperature,
        TopP,
        new("presence_penalty", Kinds.Number, "a number"),
        new("frequency_penalty", Kinds.Number, "a number"),
        new("seed", Kinds.Integer, "an integer"),
        new("top_logprobs", Kinds.NonNegativeInteger, "a non-negative integer"),
        new("logprobs", Kinds.Bool, "true or false"),
        new("parallel_tool_calls", Kinds.Bool, "true or false"),
        new("store", Kinds.Bool, "true or false"),
        new("stop", Kinds.String | Kinds.Array, "a string or an array of strings"),
        new("user", Kinds.String, "a string"),
        new("reasoning_effort", Kinds.String, "a string"),
        Tools,
        new("functions", Kinds.ObjectArray, "an array of function objects"),
        new("tool_choice", Kinds.String | Kinds.Object, "a string or an object"),
        new("response_format", Kinds.Object, "an object"),
        new("logit_bias", Kinds.Object, "an object"),
    ];

    private static readonly Field[] AnthropicFields =
    [
        Temperature,
        TopP,
        new("top_k", Kinds.NonNegativeInteger, "a non-negative integer"),
        new("stop_sequences", Kinds.Array, "an array of strings"),
        Tools,
        new("tool_choice", Kinds.Object, "an object"),
        new("thinking", Kinds.Object, "an object"),
    ];

    private static readonly Field[] ResponsesFields =
    [
        new("max_output_tokens", Kinds.PositiveInteger, "a positive integer"),
        new("max_tool_calls", Kinds.PositiveInteger, "a positive integer"),
        Temperature,
        TopP,
        new("top_logprobs", Kinds.NonNegativeInteger, "a non-negative integer"),
        new("parallel_tool_calls", Kinds.Bool, "true or false"),
        new("background", Kinds.Bool, "true or false"),
        new("user", Kinds.String, "a string"),
        new("truncation", Kinds.String, "a string"),
        new("tool_choice", Kinds.String | Kinds.Object, "a string or an object"),
        new("text", Kinds.Object, "an object"),
        new("reasoning", Kinds.Object, "an object"),
        new("include", Kinds.Array, "an array of strings"),
    ];

    /// <summary>The checked field the reader's property name is, or null for one passed through unchecked.</summary>
    private static Field? FieldFor(ref BodyReader reader, Dialect dialect)
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
    private static void CheckField(ref BodyReader reader, Field field)
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

    private static bool NumberFits(ref BodyReader reader, Kinds allowed)
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
