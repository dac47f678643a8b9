using System.Net;
using System.Text.Json;

namespace Harmattan.Server.Tests;

/// <summary>Reading answers: JSON bodies, and problem+json bodies with their HRM code.</summary>
internal static class Problems
{
    public static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    /// <summary>Asserts a problem+json answer with this status and HRM code; returns the body.</summary>
    public static async Task<JsonElement> Expect(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await Json(response, status);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, body.GetProperty("status").GetInt32());
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Contains(code, body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        return body;
    }
}
