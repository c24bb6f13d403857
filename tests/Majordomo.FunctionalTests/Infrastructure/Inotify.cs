namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>What a process watches through inotify, read from procfs (Linux only, as CI is).</summary>
internal static class Inotify
{
    /// <summary>The inodes watched by a process's inotify instances (<c>/proc/PID/fdinfo</c>, PID or <c>self</c>: "inotify wd:… ino:HEX …").</summary>
    public static HashSet<long> WatchedInodes(string process)
    {
        var inodes = new HashSet<long>();
        foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{process}/fd"))
        {
            string info;
            try
            {
                if (new FileInfo(fd).LinkTarget != "anon_inode:inotify")
                {
                    continue;
                }

                info = File.ReadAllText($"/proc/{process}/fdinfo/" + Path.GetFileName(fd));
            }
            catch (IOException)
            {
                continue; // closed meanwhile
            }

            foreach (var line in info.Split('\n'))
            {
                if (line.StartsWith("inotify ", StringComparison.Ordinal) && line.Split(' ').FirstOrDefault(f => f.StartsWith("ino:", StringComparison.Ordinal)) is { } ino)
                {
                    inodes.Add(Convert.ToInt64(ino[4..], 16));
                }
            }
        }

        return inodes;
    }
}
