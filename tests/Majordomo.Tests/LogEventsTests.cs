using System.Reflection;
using Microsoft.Extensions.Logging;

namespace Majordomo.Tests;

public sealed class LogEventsTests
{
    /// <summary>The engine (where <c>LogEvents</c> lives) and the gateway: event ids are unique across both.</summary>
    private static readonly Assembly[] Assemblies = [typeof(LogEvents).Assembly, typeof(Majordomo.Cli.MajordomoCli).Assembly];

    [Fact]
    public void Every_event_id_constant_is_distinct()
    {
        var constants = typeof(LogEvents).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .Select(f => (f.Name, Id: (int)f.GetRawConstantValue()!))
            .ToList();

        Assert.NotEmpty(constants);
        var duplicates = constants.GroupBy(c => c.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Name))}");
        Assert.Empty(duplicates);
    }

    [Fact]
    public void Every_logger_message_uses_its_own_id_from_LogEvents()
    {
        var known = typeof(LogEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (int)f.GetRawConstantValue()!).ToHashSet();
        var used = LoggerMessages().ToList();

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !known.Contains(u.Id)).Select(u => $"{u.Method} uses {u.Id}, which LogEvents does not list"));
        var shared = used.GroupBy(u => u.Id).Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(u => u.Method))}");
        Assert.Empty(shared);
    }

    private static IEnumerable<(string Method, int Id)> LoggerMessages()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var method in type.GetMethods(all))
            {
                if (method.GetCustomAttribute<LoggerMessageAttribute>() is { } attribute)
                {
                    yield return ($"{type.FullName}.{method.Name}", attribute.EventId);
                }
            }
        }
    }
}
