using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Majordomo.Bench.Servers;

/// <summary>
/// Hosts one request delegate on Kestrel, HTTP/1.1 only, bound to 127.0.0.1. Built from the empty
/// builder: no logging providers, no configuration sources, no routing middleware — the servers
/// here should cost as little as the stack allows so the numbers show the proxies, not the rig.
/// </summary>
internal static class LoopbackServer
{
    public static async Task RunAsync(string name, int port, RequestDelegate handler)
    {
        await using var app = await StartAsync(handler, port);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses is { Count: > 0 } ? string.Join(", ", addresses) : $"http://127.0.0.1:{port}";
        Console.WriteLine($"{name} listening on {address} (pid {Environment.ProcessId}, {Environment.ProcessorCount} cpu)");

        await app.WaitForShutdownAsync();
    }

    /// <summary>Starts the server and returns it (port 0: an ephemeral port, see <c>BoundAddresses</c>).</summary>
    public static async Task<WebApplication> StartAsync(RequestDelegate handler, int port = 0)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
        });

        var app = builder.Build();
        app.Run(handler);
        await app.StartAsync();
        return app;
    }
}
