using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace Majordomo.Config;

/// <summary>Answers "what type belongs at this JSON path" from the config records, for clear type errors.</summary>
internal static class ConfigSchema
{
    public static string? ExpectedAt(string jsonPath)
    {
        Type? type = typeof(MajordomoConfig);
        foreach (var segment in Segments(jsonPath))
        {
            if (type is null)
            {
                return null;
            }

            type = segment.IsIndex || IsDictionary(type) ? ElementType(type) : PropertyType(type, segment.Name);
        }

        return type is null ? null : Describe(type);
    }

    private static Type? PropertyType(Type type, string jsonName)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (JsonNamingPolicy.CamelCase.ConvertName(property.Name) == jsonName)
            {
                return property.PropertyType;
            }
        }

        return null;
    }

    private static bool IsDictionary(Type type) => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>);

    private static Type? ElementType(Type type) =>
        type.IsGenericType ? type.GetGenericArguments()[^1] : null;

    private static string Describe(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long))
        {
            return "a whole number";
        }

        if (type == typeof(double))
        {
            return "a number";
        }

        if (type == typeof(bool))
        {
            return "true or false";
        }

        if (type == typeof(string))
        {
            return "a string";
        }

        if (type == typeof(ChainEntryConfig))
        {
            return "a model id or an entry object";
        }

        if (type == typeof(ChainRef))
        {
            return "a chain name or an array of entries";
        }

        if (IsDictionary(type))
        {
            return "an object";
        }

        return typeof(IEnumerable).IsAssignableFrom(type) ? "an array" : "an object";
    }

    private readonly record struct Segment(string Name, bool IsIndex);

    // $.a.b['c/d'][2] → a, b, c/d, [2]
    private static IEnumerable<Segment> Segments(string jsonPath)
    {
        var i = jsonPath.StartsWith('$') ? 1 : 0;
        while (i < jsonPath.Length)
        {
            if (jsonPath[i] == '.')
            {
                var end = i + 1;
                while (end < jsonPath.Length && jsonPath[end] is not '.' and not '[')
                {
                    end++;
                }

                yield return new Segment(jsonPath[(i + 1)..end], false);
                i = end;
            }
            else if (jsonPath[i] == '[' && i + 1 < jsonPath.Length && jsonPath[i + 1] == '\'')
            {
                var end = jsonPath.IndexOf("']", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    yield break;
                }

                yield return new Segment(jsonPath[(i + 2)..end], false);
                i = end + 2;
            }
            else if (jsonPath[i] == '[')
            {
                var end = jsonPath.IndexOf(']', i);
                if (end < 0)
                {
                    yield break;
                }

                yield return new Segment(jsonPath[(i + 1)..end], true);
                i = end + 1;
            }
            else
            {
                i++;
            }
        }
    }
}
