using Harmattan.Knowledge;
using Harmattan.Store.Resolution;
using Harmattan.Text;

namespace Harmattan.Store.Tests;

/// <summary>The pure matching rules, one stored entity or two against one document entity.</summary>
public sealed class EntityMatcherTests
{
    [Theory]
    // type, stored name and aliases ('|'), document name and aliases ('|'), expected method
    [InlineData(EntityType.ArmedGroup, "Ansar Dine|Ansar Dine", "Ansar al-Din|Ansar al-Din", "New")]
    [InlineData(EntityType.ArmedGroup, "Ansar Dine|Ansar Dine", "Ansar Eddine|Ansar Eddine", "Fuzzy")]
    [InlineData(EntityType.ArmedGroup, "Ansar Dine|Ansar Dine|Ansar al-Din", "ANSAR AL-DIN|ANSAR AL-DIN", "Alias")]
    [InlineData(EntityType.Person, "Iyad Ag Ghaly|Iyad Ag Ghaly", "Iyad ag Ghali|Iyad ag Ghali", "Fuzzy")]
    [InlineData(EntityType.Person, "Mokhtar Belmokhtar|Mokhtar Belmokhtar", "Moktar Belmoktar|Moktar Belmoktar", "Fuzzy")]
    [InlineData(EntityType.Person, "Abdoulaye Konaté|Abdoulaye Konaté", "Abdoulaye Koné|Abdoulaye Koné", "New")]
    [InlineData(EntityType.Person, "Amadou Koufa|Amadou Koufa", "Amadou Kouyaté|Amadou Kouyaté", "New")]
    [InlineData(EntityType.Person, "Moussa Traoré|Moussa Traoré", "Moussa Touré|Moussa Touré", "New")]
    [InlineData(EntityType.Person, "Amadou Toumani Touré|Amadou Toumani Touré", "Amadou Touré|Amadou Touré", "New")]
    [InlineData(EntityType.ArmedGroup, "Front for the Liberation of the Tilemsi|Front for the Liberation of the Tilemsi", "FLT|FLT", "Acronym")]
    [InlineData(EntityType.ArmedGroup, "FLT|FLT", "Front for the Liberation of the Tilemsi|Front for the Liberation of the Tilemsi", "Acronym")]
    [InlineData(EntityType.ArmedGroup, "Movement for Oneness and Jihad in West Africa|Movement for Oneness and Jihad in West Africa", "MOJWA|MOJWA", "Acronym")]
    [InlineData(EntityType.ArmedGroup, "Mouvement pour l'Unicité et le Jihad en Afrique de l'Ouest|Mouvement pour l'Unicité et le Jihad en Afrique de l'Ouest", "MUJAO|MUJAO", "Acronym")]
    [InlineData(EntityType.ArmedGroup, "Ansar Dine|Ansar Dine", "AD|AD", "New")]
    [InlineData(EntityType.Person, "El Hadj Ag Gamou|El Hadj Ag Gamou", "Gamou|Gamou", "Surname")]
    [InlineData(EntityType.Person, "Gamou|Gamou", "El Hadj Ag Gamou|El Hadj Ag Gamou", "Surname")]
    [InlineData(EntityType.Person, "Amadou Toumani Touré|Amadou Toumani Touré|Touré", "Hawa Touré|Hawa Touré", "New")]
    [InlineData(EntityType.Person, "Amadou Toumani Touré|Amadou Toumani Touré|Touré", "Touré|Touré", "Alias")]
    [InlineData(EntityType.Person, "Ibrahim Traoré|Ibrahim Traoré|Traoré", "Amadou Traoré|Amadou Traoré|Traoré", "New")]
    [InlineData(EntityType.Person, "Ibrahim Traoré|Ibrahim Traoré|Ibrahim", "Ibrahim Maïga|Ibrahim Maïga|Ibrahim", "New")]
    [InlineData(EntityType.Person, "Ibrahim Traoré|Ibrahim Traoré|Traoré", "Ibrahim Traoré|Ibrahim Traoré|Traoré", "Alias")]
    [InlineData(EntityType.Person, "Traoré|Traoré", "Amadou Traoré|Amadou Traoré|Traoré", "Alias")]
    [InlineData(EntityType.ArmedGroup, "Ansar Dine|Ansar Dine|Ansar", "Ansar al-Sharia|Ansar al-Sharia|Ansar", "Alias")]
    [InlineData(EntityType.Place, "Gao|Gao", "Gabo|Gabo", "New")]
    [InlineData(EntityType.Place, "Tessalit|Tessalit", "Tesalit|Tesalit", "Fuzzy")]
    public void One_stored_entity_and_one_document_entity(EntityType type, string stored, string extracted, string expected)
    {
        var candidate = Candidate("ent_stored", type, stored.Split('|'));
        var entity = Extracted(type, extracted.Split('|'));

        var resolution = EntityMatcher.Resolve(entity, EntityKeys.For(entity.Name, entity.Aliases), [candidate]);

        Assert.Equal(Enum.Parse<ResolutionMethod>(expected), resolution.Method);
        Assert.Equal(expected == "New" ? entity.Id : "ent_stored", resolution.EntityId);
    }

    [Fact]
    public void Different_types_never_match_even_with_the_same_name()
    {
        var place = Candidate("ent_djibo_town", EntityType.Place, "Djibo");
        var person = Extracted(EntityType.Person, "Djibo");

        var resolution = EntityMatcher.Resolve(person, EntityKeys.For("Djibo", ["Djibo"]), [place]);

        Assert.Equal(ResolutionMethod.New, resolution.Method);
        Assert.Equal(person.Id, resolution.EntityId);
    }

    [Fact]
    public void Entities_linked_to_different_registry_entries_never_match()
    {
        var gspc = Candidate("ent_gspc", EntityType.ArmedGroup, "Salafist Group for Preaching and Combat") with { RegistryId = "gspc" };
        var aqim = Extracted(EntityType.ArmedGroup, "Salafist Group for Preaching and Combat") with { RegistryId = "aqim" };

        var resolution = EntityMatcher.Resolve(aqim, EntityKeys.For(aqim.Name, aqim.Aliases), [gspc]);

        Assert.Equal(ResolutionMethod.New, resolution.Method);
    }

    [Fact]
    public void The_same_registry_entry_links_whatever_the_names()
    {
        var stored = Candidate("ent_ansar", EntityType.ArmedGroup, "Ansar Dine") with { RegistryId = "ansar-dine" };
        var extracted = Extracted(EntityType.ArmedGroup, "Defenders of the Faith") with { RegistryId = "ansar-dine" };

        var resolution = EntityMatcher.Resolve(extracted, EntityKeys.For(extracted.Name, extracted.Aliases), [stored]);

        Assert.Equal((ResolutionMethod.Registry, "ent_ansar"), (resolution.Method, resolution.EntityId));
    }

    [Fact]
    public void A_surname_shared_by_two_stored_people_links_to_neither_and_says_so()
    {
        var dioncounda = Candidate("ent_dioncounda", EntityType.Person, "Dioncounda Traoré");
        var moussa = Candidate("ent_moussa", EntityType.Person, "Moussa Traoré");
        var surname = Extracted(EntityType.Person, "Traoré");

        var resolution = EntityMatcher.Resolve(surname, EntityKeys.For(surname.Name, surname.Aliases), [dioncounda, moussa]);

        Assert.Equal(ResolutionMethod.Ambiguous, resolution.Method);
        Assert.Equal(surname.Id, resolution.EntityId);
        Assert.Contains("ent_dioncounda", resolution.Note, StringComparison.Ordinal);
        Assert.Contains("ent_moussa", resolution.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stronger_rule_decides_before_a_weaker_one_could_be_ambiguous()
    {
        // "Ansar Eddine" is an alias of the first and fuzzy-close to the second: the alias decides.
        var first = Candidate("ent_a", EntityType.ArmedGroup, "Ansar Dine", "Ansar Eddine");
        var second = Candidate("ent_b", EntityType.ArmedGroup, "Ansar Eddina");
        var extracted = Extracted(EntityType.ArmedGroup, "Ansar Eddine");

        var resolution = EntityMatcher.Resolve(extracted, EntityKeys.For(extracted.Name, extracted.Aliases), [first, second]);

        Assert.Equal((ResolutionMethod.Alias, "ent_a", "ansar eddine"), (resolution.Method, resolution.EntityId, resolution.Matched));
    }

    [Theory]
    [InlineData("Movement for Oneness and Jihad in West Africa", "mojwa")]
    [InlineData("Mouvement pour l'Unicité et le Jihad en Afrique de l'Ouest", "mujao")]
    [InlineData("Al-Qaeda in the Islamic Maghreb", "aqim")]
    [InlineData("National Movement for the Liberation of Azawad", "nmla")]
    [InlineData("Ansar Dine", null)]
    [InlineData("MNLA", null)]
    public void Initials_come_from_the_capitalised_words(string name, string? initials) =>
        Assert.Equal(initials, EntityKeys.Initials(name));

    [Theory]
    [InlineData("MNLA", true)]
    [InlineData("MoJWA", true)]
    [InlineData("AD", false)]
    [InlineData("Gao", false)]
    [InlineData("Ansar Dine", false)]
    [InlineData("G5", false)]
    public void Acronyms_are_one_word_mostly_in_capitals(string surface, bool acronym) =>
        Assert.Equal(acronym, EntityKeys.IsAcronym(surface));

    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("ghaly", "ghali", 0.920)]
    [InlineData("traore", "toure", 0.765)]
    public void Jaro_winkler_matches_the_published_values(string a, string b, double expected) =>
        Assert.Equal(expected, NameSimilarity.JaroWinkler(a, b), 3);

    [Theory]
    [InlineData("iyad ag ghaly", "iyad ag ghali", true)]     // a letter changed
    [InlineData("mokhtar belmokhtar", "moktar belmoktar", true)] // a letter dropped in each word
    [InlineData("martha", "marhta", true)]                    // two letters swapped
    [InlineData("abdoulaye kone", "abdoulaye konate", false)] // two letters added
    [InlineData("amadou koufa", "amadou kouyate", false)]
    [InlineData("amadou toumani toure", "amadou toure", false)] // not the same number of words
    public void Words_within_one_edit(string a, string b, bool expected) =>
        Assert.Equal(expected, NameSimilarity.WordsWithinOneEdit(a, b));

    private static EntityCandidate Candidate(string id, EntityType type, params string[] names) =>
        new(id, type, names[0], null, EntityKeys.For(names[0], names.Skip(1)));

    private static Entity Extracted(EntityType type, params string[] names) =>
        new(ReportBuilder.EntityId(type, names[0]), type, names[0], names.Skip(1).ToList(), null,
            new Evidence(new string('0', 64), new TextSpan(0, 1), ReportBuilder.Component, 0.9));
}
