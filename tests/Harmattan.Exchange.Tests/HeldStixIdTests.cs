using CsCheck;
using Harmattan.Exchange.Stix;

namespace Harmattan.Exchange.Tests;

/// <summary>The compact ids a STIX bundle holds until its end: the same texts back, in the same order, the same digest.</summary>
public sealed class HeldStixIdTests
{
    private static readonly string[] Types = ["identity", "threat-actor", "location", "relationship", "note", "incident", "report", "intrusion-set"];

    /// <summary>Ids as the exporter makes them: a type and a version 5 UUID of some key fields.</summary>
    private static readonly Gen<string> AnyId =
        Gen.Select(Gen.OneOf(Types.Select(Gen.Const).ToArray()), Gen.String[0, 12], (type, key) => StixIds.For(type, key));

    [Fact]
    public void A_held_id_gives_its_text_back_and_sorts_as_its_text()
    {
        AnyId.List[0, 60].Sample(ids =>
        {
            var held = new HeldStixIds();
            var compact = ids.Select(held.Hold).ToList();
            Assert.Equal(ids, compact.Select(held.Text));
            compact.Sort(held.Compare);
            Assert.Equal(ids.Order(StringComparer.Ordinal), compact.Select(held.Text));
        });
    }

    [Fact]
    public void A_digest_of_ids_given_one_at_a_time_is_the_digest_of_them_all_at_once()
    {
        AnyId.List[0, 20].Sample(ids => Assert.Equal(StixIds.For("bundle", [.. ids]), StixIds.ForAll("bundle", ids)));
    }
}
