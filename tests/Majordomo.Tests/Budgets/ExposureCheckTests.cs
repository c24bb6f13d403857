using Majordomo.Hosting;

namespace Majordomo.Tests.Budgets;

public sealed class ExposureCheckTests
{
    [Theory]
    [InlineData("http://127.0.0.1:4000", true)]
    [InlineData("http://localhost:4000", true)]
    [InlineData("http://[::1]:4000", true)]
    [InlineData("http://0.0.0.0:4000", false)]
    [InlineData("http://*:4000", false)]
    [InlineData("http://+:4000", false)]
    [InlineData("http://192.168.1.5:4000", false)]
    public void IsLoopback_ListenUrls_Classified(string url, bool expected)
    {
        Assert.Equal(expected, ExposureCheck.IsLoopback(url));
    }
}
