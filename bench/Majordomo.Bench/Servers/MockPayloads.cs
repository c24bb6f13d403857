using System.Globalization;
using System.Text;

namespace Majordomo.Bench.Servers;

/// <summary>
/// Pre-encoded wire payloads of the mock upstream, shaped like real OpenAI Chat Completions
/// responses. Built once at startup; the request path only copies these bytes.
/// </summary>
internal static class MockPayloads
{
    public const int MinChunks = 2;
    public const int MaxChunks = 10_000;
    public const int PromptTokens = 24;

    private const string ChunkPrefix =
        """{"id":"chatcmpl-bench0000000000000000000001","object":"chat.completion.chunk","created":1700000000,"model":"bench-model","system_fingerprint":"fp_bench","choices":""";

    public static ReadOnlyMemory<byte> Completion { get; } = Encode(
        """{"id":"chatcmpl-bench0000000000000000000001","object":"chat.completion","created":1700000000,"model":"bench-model","system_fingerprint":"fp_bench","choices":[{"index":0,"message":{"role":"assistant","content":"Requests flow in,\nthe quiet proxy passes them,\nlatency sleeps.","refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":24,"completion_tokens":17,"total_tokens":41,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},"service_tier":"default"}""");

    public static ReadOnlyMemory<byte> Models { get; } = Encode(
        """{"object":"list","data":[{"id":"bench-model","object":"model","created":1700000000,"owned_by":"majordomo-bench"}]}""");

    public static ReadOnlyMemory<byte> Health { get; } = Encode("""{"status":"ok"}""");

    public static ReadOnlyMemory<byte> NotFound { get; } = Encode(
        """{"error":{"message":"not found","type":"invalid_request_error","param":null,"code":"not_found"}}""");

    public static ReadOnlyMemory<byte> BadRequest { get; } = Encode(
        """{"error":{"message":"request body is not a JSON object","type":"invalid_request_error","param":null,"code":"invalid_json"}}""");

    public static ReadOnlyMemory<byte> TooLarge { get; } = Encode(
        """{"error":{"message":"request body too large","type":"invalid_request_error","param":null,"code":"too_large"}}""");

    public static ReadOnlyMemory<byte> Done { get; } = Encode("data: [DONE]\n\n");

    /// <summary>SSE frames without <c>usage</c> (no <c>stream_options.include_usage</c>).</summary>
    public static SseFrames Frames { get; } = BuildFrames(includeUsage: false);

    /// <summary>SSE frames with <c>"usage":null</c> on every chunk, as OpenAI sends when usage is requested.</summary>
    public static SseFrames FramesWithUsage { get; } = BuildFrames(includeUsage: true);

    /// <summary>The final usage-only chunk for a stream of <paramref name="completionTokens"/> tokens.</summary>
    public static ReadOnlyMemory<byte> BuildUsageFrame(int completionTokens)
    {
        var total = (PromptTokens + completionTokens).ToString(CultureInfo.InvariantCulture);
        var completion = completionTokens.ToString(CultureInfo.InvariantCulture);
        return Encode(
            "data: " + ChunkPrefix
            + """[],"usage":{"prompt_tokens":24,"completion_tokens":""" + completion
            + ""","total_tokens":""" + total
            + ""","prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,"rejected_prediction_tokens":0}}}"""
            + "\n\n");
    }

    private static SseFrames BuildFrames(bool includeUsage)
    {
        var suffix = includeUsage ? ""","usage":null}""" : "}";
        return new SseFrames(
            First: Frame("""[{"index":0,"delta":{"role":"assistant","content":"Requests","refusal":null},"logprobs":null,"finish_reason":null}]""" + suffix),
            Middle: Frame("""[{"index":0,"delta":{"content":" flow"},"logprobs":null,"finish_reason":null}]""" + suffix),
            Last: Frame("""[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}]""" + suffix));

        static ReadOnlyMemory<byte> Frame(string choicesAndRest) => Encode("data: " + ChunkPrefix + choicesAndRest + "\n\n");
    }

    /// <summary>
    /// Chunk <paramref name="index"/> of a paced stream: its content is <c>#index;</c>, so a client can check
    /// that every chunk arrived once and in order; the first carries the role, the last the finish reason.
    /// </summary>
    public static ReadOnlyMemory<byte> NumberedFrame(int index, int count, bool includeUsage)
    {
        var role = index == 0 ? "\"role\":\"assistant\"," : "";
        var finish = index == count - 1 ? "\"stop\"" : "null";
        var suffix = includeUsage ? ""","usage":null}""" : "}";
        return Encode("data: " + ChunkPrefix + "[{\"index\":0,\"delta\":{" + role + "\"content\":\"#"
            + index.ToString(CultureInfo.InvariantCulture) + ";\"},\"logprobs\":null,\"finish_reason\":" + finish + "}]" + suffix + "\n\n");
    }

    private static ReadOnlyMemory<byte> Encode(string text) => Encoding.UTF8.GetBytes(text);
}

/// <summary>The three kinds of content chunk: first (with the role), middle, last (with the finish reason).</summary>
internal sealed record SseFrames(ReadOnlyMemory<byte> First, ReadOnlyMemory<byte> Middle, ReadOnlyMemory<byte> Last);
