using System.Text.Json;

namespace Majordomo;

/// <summary>
/// Nullable values for <see cref="Utf8JsonWriter"/>, which writes a null string as JSON null but has no
/// nullable overloads for numbers and booleans. In the root namespace: every folder writes JSON.
/// </summary>
internal static class JsonWriting
{
    /// <summary>A number or null; ints too (a whole double is written without a fraction).</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    public static void WriteBooleanOrNull(this Utf8JsonWriter w, string name, bool? value)
    {
        if (value is not { } v)
        {
            w.WriteNull(name);
            return;
        }

        w.WriteBoolean(name, v);
    }
}
