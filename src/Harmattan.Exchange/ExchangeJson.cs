using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Harmattan.Knowledge;
using Harmattan.Store;

namespace Harmattan.Exchange;

/// <summary>Shared JSON settings and value forms of the JSON formats (STIX, GeoJSON, JSON Lines).</summary>
internal static class ExchangeJson
{
    /// <summary>Report text is full of accents and quotes: keep it readable (files, never embedded in HTML).</summary>
    public static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions Compact = new()
    {
        WriteIndented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonWriterOptions IndentedWriter = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static readonly JsonWriterOptions CompactWriter = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// Hands what <paramref name="writer"/> holds to its stream once it holds 64 KB. A writer keeps everything
    /// written until it is flushed: an export of a large knowledge base written in one go would be held whole
    /// (and a buffer stops at 2 GB).
    /// </summary>
    public static void FlushWhenFull(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= 1 << 16)
        {
            writer.Flush();
        }
    }

    /// <summary>A STIX timestamp: UTC, milliseconds, Z.</summary>
    public static string Timestamp(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>The first instant a partial date may denote, as a STIX timestamp.</summary>
    public static string Timestamp(PartialDate date) =>
        date.Earliest.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture) + "T00:00:00.000Z";

    /// <summary>Confidence 0–1 as STIX's 0–100.</summary>
    public static int Percent(double confidence) => (int)Math.Round(Math.Clamp(confidence, 0, 1) * 100, MidpointRounding.AwayFromZero);

    /// <summary>Degrees rounded to 1e-5 (about a metre), the gazetteer's own precision.</summary>
    public static double Degrees(double value) => Math.Round(value, 5, MidpointRounding.AwayFromZero);

    /// <summary>A fact's provenance as every JSON format writes it.</summary>
    public static void Write(Utf8JsonWriter json, Provenance from)
    {
        json.WriteStartObject();
        json.WriteString("document", from.DocumentId);
        json.WriteString("title", from.Title);
        if (from.Url is not null)
        {
            json.WriteString("url", from.Url);
        }

        if (from.Published is PartialDate published)
        {
            json.WriteString("published", published.ToIso());
        }

        json.WriteString("evidence", from.Evidence);
        json.WriteNumber("start", from.Span.Start);
        json.WriteNumber("end", from.Span.End);
        json.WriteString("component", from.Component);
        json.WriteNumber("confidence", Math.Round(from.Confidence, 4));
        json.WriteEndObject();
    }
}
