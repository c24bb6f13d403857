namespace Majordomo.Api;

/// <summary>The two ways the gateway answers by itself: one sized JSON body, or the start of an SSE stream.</summary>
internal static class JsonAnswers
{
    /// <summary>A whole JSON body with its length; nothing is written once the response has started.</summary>
    public static Task WriteAsync(HttpContext context, int status, ReadOnlyMemory<byte> json)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        response.StatusCode = status;
        response.ContentType = "application/json";
        response.ContentLength = json.Length;
        return response.Body.WriteAsync(json, context.RequestAborted).AsTask();
    }

    public static void StartEventStream(HttpResponse response)
    {
        response.StatusCode = 200;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
    }
}
