using Harmattan.Knowledge;

namespace Harmattan.Server.Tests;

/// <summary>The HTTP status each catalogued error answers with; the code itself travels in the body.</summary>
public sealed class ErrorStatusTests
{
    public static TheoryData<string, int> Statuses => new()
    {
        { HarmattanError.DocumentNotFound.Code, 404 },
        { HarmattanError.EntityNotFound.Code, 404 },
        { HarmattanError.ChangeNotFound.Code, 404 },
        { HarmattanError.AmbiguousDocument.Code, 409 },
        { HarmattanError.AmbiguousEntity.Code, 409 },
        { HarmattanError.MergeRefused.Code, 409 },
        { HarmattanError.UndoRefused.Code, 409 },
        { HarmattanError.BadArgument.Code, 400 },
        { HarmattanError.BadSearchQuery.Code, 400 },
        { HarmattanError.EmptyFile.Code, 400 },
        { HarmattanError.TooLarge.Code, 413 },
        { HarmattanError.UnsupportedFormat.Code, 415 },
        { HarmattanError.NotHarmattanDatabase.Code, 500 },
        { HarmattanError.DatabaseUnavailable.Code, 503 },
        { HarmattanError.NewerSchema.Code, 503 },
        { HarmattanError.DatabaseFailed.Code, 503 },
        { HarmattanError.BadDataFile.Code, 500 },
        { HarmattanError.ExtractionFailed.Code, 500 },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Each_error_has_its_status(string code, int status)
    {
        var error = typeof(HarmattanError).GetFields()
            .Select(f => f.GetValue(null))
            .OfType<HarmattanError>()
            .Single(e => e.Code == code);
        Assert.Equal(status, HarmattanExceptionHandler.StatusFor(error));
    }
}
