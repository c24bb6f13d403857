using System.Reflection;
using System.Runtime.Loader;

namespace Majordomo.SideBySide;

/// <summary>One build's assemblies, loaded from its output folder apart from the other build's (same names, other code).</summary>
internal sealed class BuildContext(string folder) : AssemblyLoadContext(isCollectible: false)
{
    public Assembly LoadMain(string fileName) => LoadFromAssemblyPath(Path.GetFullPath(Path.Combine(folder, fileName)));

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        // The build's own assemblies from its folder; the shared frameworks from the default context.
        var path = Path.Combine(folder, assemblyName.Name + ".dll");
        return File.Exists(path) ? LoadFromAssemblyPath(Path.GetFullPath(path)) : null;
    }
}
