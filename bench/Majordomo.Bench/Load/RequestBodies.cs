namespace Majordomo.Bench.Load;

/// <summary>
/// The one request body every target gets (direct, hop and gateway alike): a small, realistic chat
/// request. Streaming asks for usage, as agent clients do.
/// </summary>
internal static class RequestBodies
{
    public static string Chat(string model, bool stream)
    {
        var streamPart = stream ? ""","stream":true,"stream_options":{"include_usage":true}""" : "";
        return $$"""{"model":"{{model}}","messages":[{"role":"system","content":"You are a concise assistant."},{"role":"user","content":"Write a haiku about a proxy that adds no latency."}],"max_tokens":64,"temperature":0.2{{streamPart}}}""";
    }
}
