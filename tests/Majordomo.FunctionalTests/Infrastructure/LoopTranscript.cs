using System.Text.Json;
using System.Text.Json.Nodes;
using OpenAI.Chat;

namespace Majordomo.FunctionalTests.Infrastructure;

/// <summary>
/// A recorded agent conversation (Data/LoopGuard/*.json, OpenAI or Anthropic shape) that can be cut
/// after its k-th tool result: the body the agent sends at that step of its loop.
/// </summary>
public sealed class LoopTranscript
{
    private readonly JsonObject _root;

    private LoopTranscript(JsonObject root) => _root = root;

    public string Protocol => _root["protocol"]!.GetValue<string>();

    public static LoopTranscript Load(string name) =>
        new(JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "LoopGuard", name + ".json")))!.AsObject());

    /// <summary>Tool results in the whole transcript.</summary>
    public int Calls => _root["messages"]!.AsArray().Sum(m => Results(m!));

    /// <summary>The request body after <paramref name="calls"/> tool results, with <c>model</c> set.</summary>
    public JsonObject Upto(int calls, string model = "default")
    {
        var body = new JsonObject { ["model"] = model };
        if (_root["system"] is { } system)
        {
            body["system"] = system.DeepClone();
        }

        if (Protocol == "anthropic")
        {
            body["max_tokens"] = 1024;
        }

        var messages = new JsonArray();
        var seen = 0;
        foreach (var message in _root["messages"]!.AsArray())
        {
            messages.Add(message!.DeepClone());
            var results = Results(message);
            seen += results;
            if (seen >= calls && results > 0)
            {
                break;
            }
        }

        Assert.Equal(calls, seen);
        body["messages"] = messages;
        return body;
    }

    public string Body(int calls, string model = "default") => Upto(calls, model).ToJsonString();

    /// <summary>The same conversation as the official OpenAI SDK's message objects.</summary>
    public List<ChatMessage> OpenAIMessages(int calls)
    {
        var list = new List<ChatMessage>();
        foreach (var m in Upto(calls)["messages"]!.AsArray())
        {
            var role = m!["role"]!.GetValue<string>();
            switch (role)
            {
                case "system":
                    list.Add(new SystemChatMessage(m["content"]!.GetValue<string>()));
                    break;
                case "user":
                    list.Add(new UserChatMessage(m["content"]!.GetValue<string>()));
                    break;
                case "assistant":
                    var calls2 = m["tool_calls"]!.AsArray().Select(c => ChatToolCall.CreateFunctionToolCall(
                        c!["id"]!.GetValue<string>(),
                        c["function"]!["name"]!.GetValue<string>(),
                        BinaryData.FromString(c["function"]!["arguments"]!.GetValue<string>()))).ToList();
                    list.Add(new AssistantChatMessage(calls2));
                    break;
                case "tool":
                    list.Add(new ToolChatMessage(m["tool_call_id"]!.GetValue<string>(), m["content"]!.GetValue<string>()));
                    break;
            }
        }

        return list;
    }

    private static int Results(JsonNode message)
    {
        if (message["role"]?.GetValue<string>() == "tool")
        {
            return 1;
        }

        return message["content"] is JsonArray blocks
            ? blocks.Count(b => b is JsonObject o && o["type"]?.GetValue<string>() == "tool_result")
            : 0;
    }

    public static JsonElement LastMessage(byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.GetProperty("messages").EnumerateArray().Last().Clone();
    }
}
