using System.Reflection;
using System.Text.RegularExpressions;

namespace Majordomo.Tests.Architecture;

/// <summary>
/// Keeps ARCHITECTURE.md's promise "a folder uses only folders above it" true, and SQL inside
/// <c>Storage/</c>. Dependencies are gathered two ways, because neither alone sees everything:
/// <list type="bullet">
/// <item>the source text of each file: <c>using Majordomo.X</c> directives and every qualified
/// <c>Majordomo.X.</c> reference (what a reader sees; catches uses inside method bodies);</item>
/// <item>reflection over the compiled assembly: base types, interfaces, fields, properties, method and
/// constructor signatures of every type in a folder's namespace, compiler-generated closures and
/// state machines included (catches short qualifications such as <c>Budgets.RequestCost</c> and
/// types reached through a parent namespace without a <c>using</c>).</item>
/// </list>
/// A folder is a namespace's second segment (<c>Majordomo.Providers.OpenAI</c> → Providers). The
/// root namespace <c>Majordomo</c> (<c>LogEvents</c>: constants, uses nothing) may be used by every
/// folder; <c>Program.cs</c> sits below everything.
/// Both projects are scanned: the engine (<c>src/Majordomo.Core</c>, every folder above <c>Api</c>)
/// and the gateway (<c>src/Majordomo</c>, <c>Api</c> and below), and the engine must not reference
/// ASP.NET Core (SPEC §9: it is a library an application embeds).
/// </summary>
public sealed partial class LayeringTests
{
    /// <summary>
    /// Top to bottom; a folder may use any folder in an earlier layer. Folders in one layer are
    /// siblings that do not use each other: Health, Budgets and LoopGuard each keep their own
    /// store-backed state, and whatever combines them (routing, execution) sits below them.
    /// Gateway (the per-reload snapshot) bundles what Routing and Execution resolve, so it sits
    /// below Execution; Engine (the services, the request's accounting and the library's IChatClient)
    /// uses all of them and is the last engine layer, above Api.
    /// </summary>
    internal static readonly string[][] Layers =
    [
        ["Chat"],
        ["Config"],
        ["Providers"],
        ["Classification"],
        ["Catalog"],
        ["Storage"],
        ["Telemetry"],
        ["Health", "Budgets", "LoopGuard"],
        ["Routing"],
        ["Execution"],
        ["Simulation", "Caching"],
        ["Gateway"],
        ["Engine"],
        ["Api"],
        ["Monitoring", "Dashboard"],
        ["Hosting"],
        ["Cli"],
    ];

    /// <summary>
    /// Upward dependencies that exist today and have an owner removing them. Each entry names who
    /// removes it; the test fails on any dependency not listed here, and on an entry that no longer
    /// occurs (so the list only shrinks).
    /// </summary>
    internal static readonly (string From, string To, string Owner)[] KnownViolations = [];

    /// <summary>The first layer that lives in the gateway project; every layer above it is the engine's.</summary>
    private const string FirstGatewayFolder = "Api";

    private static readonly Lazy<string> RepositoryRoot = new(FindRepositoryRoot);

    private static string CoreRoot => Path.Combine(RepositoryRoot.Value, "src", "Majordomo.Core");

    private static string GatewayRoot => Path.Combine(RepositoryRoot.Value, "src", "Majordomo");

    private static readonly Assembly CoreAssembly = typeof(Majordomo.Storage.IStore).Assembly;

    private static readonly Assembly GatewayAssembly = typeof(Majordomo.Cli.MajordomoCli).Assembly;

    [Fact]
    public void Folders_UseOnlyFoldersAboveThem()
    {
        var source = SourceDependencies().ToArray();
        var assembly = AssemblyDependencies().ToArray();
        Assert.True(source.Length > 100 && assembly.Length > 100, $"too few dependencies found ({source.Length} in source, {assembly.Length} in the assembly): is the scan looking at the right place?");
        var found = Violations(source.Concat(assembly)).ToArray();
        var unexpected = found.Where(v => !KnownViolations.Any(k => k.From == v.From && k.To == v.To)).ToArray();
        Assert.True(unexpected.Length == 0,
            "Upward folder dependencies (a folder may use only folders above it, see docs/ARCHITECTURE.md):\n" +
            string.Join("\n", unexpected.Select(v => $"  {v.From} → {v.To} ({v.Where})").Distinct().Take(40)));

        var stale = KnownViolations.Where(k => !found.Any(v => v.From == k.From && v.To == k.To)).ToArray();
        Assert.True(stale.Length == 0, "Allow-listed violations that no longer occur; remove them from KnownViolations: " +
            string.Join(", ", stale.Select(k => $"{k.From} → {k.To}")));
    }

    [Fact]
    public void Engine_HoldsTheFoldersAboveApi_GatewayTheRest()
    {
        var gatewayRank = Rank(FirstGatewayFolder)!.Value;
        var misplaced = SourceFiles()
            .Select(f => (File: f, Folder: Folder(f), InCore: f.StartsWith(CoreRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)))
            .Where(f => f.Folder != "Majordomo" && Rank(f.Folder) is { } rank && (rank < gatewayRank) != f.InCore)
            .Select(f => Relative(f.File))
            .Distinct()
            .ToArray();
        Assert.True(misplaced.Length == 0, $"Engine folders (above {FirstGatewayFolder}) belong in src/Majordomo.Core, the others in src/Majordomo:\n  " + string.Join("\n  ", misplaced));
        Assert.Contains(SourceFiles(), f => f.StartsWith(GatewayRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal));
    }

    [Fact]
    public void Engine_ReferencesNoAspNetCore()
    {
        var references = CoreAssembly.GetReferencedAssemblies().Select(a => a.Name ?? "").ToArray();
        Assert.Contains("Microsoft.Extensions.Logging.Abstractions", references); // the scan reads the real list
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.Contains(GatewayAssembly.GetReferencedAssemblies(), a => a.Name?.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) == true);

        // Nor may the project ask for the framework, used or not (a FrameworkReference or the Web SDK).
        var project = File.ReadAllText(Path.Combine(CoreRoot, "Majordomo.Core.csproj"));
        Assert.DoesNotContain("Microsoft.AspNetCore", project, StringComparison.Ordinal);
        Assert.DoesNotContain("Sdk.Web", project, StringComparison.Ordinal);
    }

    [Fact]
    public void Sql_LivesOnlyInStorage()
    {
        var offenders = SourceFiles()
            .Where(f => Folder(f) != "Storage")
            .SelectMany(f => SqlLines(File.ReadAllText(f)).Select(line => $"{Relative(f)}: {line}"))
            .ToArray();
        Assert.True(offenders.Length == 0, "SQL or SQLite types outside src/Majordomo.Core/Storage/:\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void Violations_SyntheticUpwardDependency_IsReported()
    {
        // Proves the check can fail: Storage using Execution (the cycle issue 10 removed), a sibling
        // pair, and an allowed downward use.
        var deps = new[]
        {
            new Dependency("Storage", "Execution", "Storage/Fake.cs"),
            new Dependency("Budgets", "LoopGuard", "Budgets/Fake.cs"),
            new Dependency("Execution", "Storage", "Execution/Fake.cs"),
            new Dependency("Api", "Majordomo", "Api/Fake.cs"),
        };

        var found = Violations(deps).Select(v => (v.From, v.To)).ToArray();

        Assert.Equal([("Storage", "Execution"), ("Budgets", "LoopGuard")], found);
    }

    [Fact]
    public void SourceDependencies_SyntheticFile_FindsUsingsAndQualifiedNames()
    {
        const string text = """
            using Majordomo.Execution;
            using Majordomo.Providers.OpenAI;
            namespace Majordomo.Storage;
            class X { global::Majordomo.Routing.RoutePlan? P; Majordomo.Api.Errors? E; }
            """;

        var targets = ReferencedFolders(text).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(["Api", "Execution", "Providers", "Routing", "Storage"], targets);
    }

    [Fact]
    public void SqlLines_SyntheticSource_FindsStatementsAndDriverTypes()
    {
        const string text = """
            var a = "SELECT used FROM budget_counters";
            var b = "INSERT INTO t VALUES (1)";
            using var c = new Microsoft.Data.Sqlite.SqliteConnection("x");
            await using var d = await dataSource.OpenConnectionAsync(); NpgsqlConnection e;
            // the selection of a model is not SQL
            """;

        Assert.Equal(4, SqlLines(text).Count());
    }

    internal readonly record struct Dependency(string From, string To, string Where);

    internal static IEnumerable<Dependency> Violations(IEnumerable<Dependency> dependencies)
    {
        foreach (var d in dependencies)
        {
            if (d.From == d.To || d.To == "Majordomo" || d.From == "Majordomo")
            {
                continue;
            }

            var from = Rank(d.From);
            var to = Rank(d.To);
            if (from is null || to is null)
            {
                // A folder missing from Layers is itself a violation: place it in the order first.
                yield return d;
                continue;
            }

            if (to >= from)
            {
                yield return d;
            }
        }
    }

    private static int? Rank(string folder)
    {
        for (var i = 0; i < Layers.Length; i++)
        {
            if (Layers[i].Contains(folder))
            {
                return i;
            }
        }

        return null;
    }

    private static IEnumerable<Dependency> SourceDependencies()
    {
        foreach (var file in SourceFiles())
        {
            var from = Folder(file);
            if (from == "Majordomo")
            {
                continue; // Program.cs: the entry point sits below everything
            }

            foreach (var to in ReferencedFolders(File.ReadAllText(file)))
            {
                yield return new Dependency(from, to, Relative(file));
            }
        }
    }

    internal static IEnumerable<string> ReferencedFolders(string text) =>
        QualifiedName().Matches(text).Select(m => m.Groups[1].Value).Distinct();

    private static IEnumerable<Dependency> AssemblyDependencies()
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in CoreAssembly.GetTypes().Concat(GatewayAssembly.GetTypes()))
        {
            if (FolderOf(type) is not { } from || from == "Majordomo")
            {
                continue;
            }

            var used = new List<Type?> { type.BaseType };
            used.AddRange(type.GetInterfaces());
            used.AddRange(type.GetFields(all).Select(f => f.FieldType));
            used.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
            foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
            {
                used.AddRange(method.GetParameters().Select(p => p.ParameterType));
                if (method is MethodInfo info)
                {
                    used.Add(info.ReturnType);
                }
            }

            foreach (var to in used.SelectMany(Flatten).Select(FolderOf).OfType<string>().Distinct())
            {
                yield return new Dependency(from, to, type.FullName ?? type.Name);
            }
        }
    }

    private static IEnumerable<Type> Flatten(Type? type)
    {
        if (type is null)
        {
            yield break;
        }

        if (type.HasElementType)
        {
            foreach (var t in Flatten(type.GetElementType()))
            {
                yield return t;
            }

            yield break;
        }

        yield return type;
        if (type.IsGenericType)
        {
            foreach (var t in type.GetGenericArguments().SelectMany(Flatten))
            {
                yield return t;
            }
        }
    }

    /// <summary>The folder of a type by its namespace (its declaring type's, for nested and generated types).</summary>
    private static string? FolderOf(Type type)
    {
        var ns = type.Namespace;
        if (ns is null || !(ns == "Majordomo" || ns.StartsWith("Majordomo.", StringComparison.Ordinal)))
        {
            return null;
        }

        var parts = ns.Split('.');
        return parts.Length == 1 ? "Majordomo" : parts[1];
    }

    internal static IEnumerable<string> SqlLines(string text) =>
        text.Split('\n').Where(line => SqlText().IsMatch(line)).Select(line => line.Trim());

    private static IEnumerable<string> SourceFiles() =>
        new[] { CoreRoot, GatewayRoot }.SelectMany(root => Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => InProject(root, f) is var r && !r.StartsWith("bin/", StringComparison.Ordinal) && !r.StartsWith("obj/", StringComparison.Ordinal)));

    private static string InProject(string root, string file) => Path.GetRelativePath(root, file).Replace('\\', '/');

    /// <summary>A file's path from src/ (names its project).</summary>
    private static string Relative(string file) => Path.GetRelativePath(Path.Combine(RepositoryRoot.Value, "src"), file).Replace('\\', '/');

    /// <summary>A file's folder: the first directory under its project (src/Majordomo.Core or src/Majordomo; "Majordomo" for a file at the root).</summary>
    private static string Folder(string file)
    {
        var relative = InProject(file.StartsWith(CoreRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? CoreRoot : GatewayRoot, file);
        var slash = relative.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? "Majordomo" : relative[..slash];
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Majordomo.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Majordomo.slnx not found above " + AppContext.BaseDirectory);
    }

    // using Majordomo.X; / Majordomo.X.Type / global::Majordomo.X — not preceded by a letter or a dot.
    [GeneratedRegex(@"(?<![\w.])Majordomo\.([A-Z]\w*)")]
    private static partial Regex QualifiedName();

    // SQL statements (upper case, as every statement here is written) and the SQLite and PostgreSQL drivers' types.
    [GeneratedRegex(@"\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\b|CREATE\s+(TABLE|INDEX|UNIQUE)\b|DELETE\s+FROM\b|UPDATE\s+\w+\s+SET\b|ALTER\s+TABLE\b|PRAGMA\s+\w)|Microsoft\.Data\.Sqlite|\bSqlite(Command|Connection|Exception|Type|Transaction|DataReader)\b|\bSQLitePCL\b|\bNpgsql\w*")]
    private static partial Regex SqlText();
}
