using Harmattan.Knowledge;
using Microsoft.AspNetCore.Http.Features;

namespace Harmattan.Server.Endpoints;

/// <summary>What every endpoint that takes files shares: the size limit on the whole request, and reading a multipart form within it.</summary>
internal static class Uploads
{
    /// <summary>
    /// Refuses a request that says it is over <paramref name="limit"/> bytes (413, HRM0104) before reading
    /// it, and holds the server to the limit while the body is read when its length was not said.
    /// </summary>
    public static void Limit(HttpRequest request, long limit)
    {
        if (request.ContentLength > limit)
        {
            throw HarmattanError.TooLarge.At("request", $"{request.ContentLength} bytes; the limit is {limit}");
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }
    }

    /// <summary>The multipart form, read within the limit; a body that runs over it is 413 (HRM0104).</summary>
    public static async Task<IFormCollection> ReadForm(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            throw HarmattanError.TooLarge.At("request", $"the limit is {limit} bytes", e);
        }
    }
}
