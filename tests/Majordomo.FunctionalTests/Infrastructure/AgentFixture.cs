using System.Text.Json.Nodes;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>
/// A request captured from a real agent client (Fixtures/Agents/*.json, made with tests/agents/capture.py
/// and scrubbed of paths and names): the path it called, its headers and its body, sent as captured.
/// </summary>
public sealed class AgentFixture
{
    private readonly JsonObject _root;

    private AgentFixture(JsonObject root) => _root = root;

    public static AgentFixture Load(string name) =>
        new(JsonNode.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "Agents", name + ".json")))!.AsObject());

    /// <summary>The path with its query, as the client called it (<c>/v1/messages?beta=true</c>).</summary>
    public string Path => _root["path"]!.GetValue<string>();

    public JsonObject Body => _root["body"]!.AsObject();

    public JsonArray Messages => Body["messages"]!.AsArray();

    /// <summary>The captured body as sent, optionally with <c>model</c> replaced.</summary>
    public string Json(string? model = null)
    {
        if (model is null)
        {
            return Body.ToJsonString();
        }

        var body = Body.DeepClone().AsObject();
        body["model"] = model;
        return body.ToJsonString();
    }

    /// <summary>A POST of the body to the captured path with the captured protocol headers (no keys were captured).</summary>
    public HttpRequestMessage Request(string? model = null, string? body = null)
    {
        var request = Sse.Post(Path, body ?? Json(model));
        foreach (var (name, value) in _root["headers"]!.AsObject())
        {
            if (name.StartsWith("anthropic-", StringComparison.Ordinal) || name.StartsWith("x-", StringComparison.Ordinal) || name == "user-agent")
            {
                request.Headers.TryAddWithoutValidation(name, value!.GetValue<string>());
            }
        }

        return request;
    }

    /// <summary>
    /// The tool loop grown to <paramref name="calls"/> identical calls: the captured assistant call and its
    /// result repeated, with the captured trailing messages (the agent's bookkeeping) kept at the end.
    /// </summary>
    public string LoopBody(int calls, string model, bool dropBookkeeping = false)
    {
        var body = Body.DeepClone().AsObject();
        body["model"] = model;
        var messages = body["messages"]!.AsArray();
        var lastCall = -1;
        for (var i = 0; i < messages.Count; i++)
        {
            if (IsCall(messages[i]!))
            {
                lastCall = i;
            }
        }

        var call = messages[lastCall]!;
        var result = messages[lastCall + 1]!;
        var tail = messages.Skip(lastCall + 2).Select(m => m!.DeepClone()).ToList();
        var head = messages.Take(lastCall + 2).Select(m => m!.DeepClone()).ToList();
        var existing = head.Count(IsCall);
        var grown = new JsonArray();
        foreach (var m in head)
        {
            grown.Add(m);
        }

        for (var n = existing; n < calls; n++)
        {
            grown.Add(call.DeepClone());
            grown.Add(result.DeepClone());
        }

        if (!dropBookkeeping)
        {
            foreach (var m in tail)
            {
                grown.Add(m);
            }
        }

        body["messages"] = grown;
        return body.ToJsonString();
    }

    private static bool IsCall(JsonNode message) =>
        message["role"]!.GetValue<string>() == "assistant" &&
        (message["tool_calls"] is JsonArray || (message["content"] is JsonArray blocks && blocks.Any(b => b!["type"]?.GetValue<string>() == "tool_use")));
}
