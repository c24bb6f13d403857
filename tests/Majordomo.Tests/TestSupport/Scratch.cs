using System.Text;
using Majordomo.Config;

namespace Majordomo.Tests.TestSupport;

public class Scratch
{
    [Fact]
    public void Run()
    {
        var r = ConfigLoader.Load(Majordomo.Tests.Config.ReferenceExample.Text, Majordomo.Tests.Config.ReferenceExample.Env);
        File.WriteAllText("/tmp/scratch.txt", string.Join("\n", r.Errors) + "\n--\n" + string.Join("\n", r.Warnings));
    }
}
