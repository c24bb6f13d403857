using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

// Your majordomo.json (here the demo catalog, simulated providers) and where the request log goes.
var config = args.Length > 0 ? args[0] : Path.Combine(AppContext.BaseDirectory, "majordomo.json");
await using var services = new ServiceCollection()
    .AddMajordomo(config, o => o.StorePath = Path.Combine(Path.GetTempPath(), "majordomo-sample.db"))
    .BuildServiceProvider();

var chat = services.GetRequiredService<IChatClient>();
var answer = await chat.GetResponseAsync("Write a haiku about fallback chains.", new ChatOptions { ModelId = "default" });
Console.WriteLine($"{answer.ModelId} ({answer.AdditionalProperties?["majordomo.tier"]}, {answer.AdditionalProperties?["majordomo.attempts"]} attempts): {answer.Text}");
