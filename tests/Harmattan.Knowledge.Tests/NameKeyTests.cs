using Harmattan.Knowledge.Registries;

namespace Harmattan.Knowledge.Tests;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Ansar al-Din", "ansar al din")]
    [InlineData("Ansar al Din", "ansar al din")]
    [InlineData("ANSAR AL-DIN", "ansar al din")]
    [InlineData("Ançar Dine", "ancar dine")]
    [InlineData("Ansar Dîne", "ansar dine")]
    [InlineData("the MNLA", "mnla")]
    [InlineData("The  MNLA ", "mnla")]
    [InlineData("Theodore", "theodore")]
    [InlineData("the", "the")]
    [InlineData("N’Djamena", "ndjamena")]
    [InlineData("N'Djamena", "ndjamena")]
    [InlineData("N`Djamena", "ndjamena")]
    [InlineData("Jama‘at Nusrat al-Islam wal-Muslimin", "jamaat nusrat al islam wal muslimin")]
    [InlineData("Jamaʿat", "jamaat")]
    [InlineData("Côte d'Ivoire", "cote divoire")]
    [InlineData("U.S.", "us")]
    [InlineData("Liptako–Gourma", "liptako gourma")]
    [InlineData("Al-Qaïda au Maghreb islamique", "al qaida au maghreb islamique")]
    [InlineData("Tillabéri", "tillaberi")]
    [InlineData("G5 Sahel", "g5 sahel")]
    [InlineData("Armed Conflict Location & Event Data", "armed conflict location event data")]
    [InlineData("Burkina_Faso/Mali", "burkina faso mali")]
    [InlineData("Mr. Marlboro", "mr marlboro")]
    [InlineData("  ", "")]
    [InlineData("", "")]
    public void Folds_like_the_scorer(string name, string key) => Assert.Equal(key, NameKey.Fold(name));

    [Theory]
    [InlineData("Ansar al-Din", "Ansar al Din")]
    [InlineData("Ançar Dine", "Ancar Dine")]
    [InlineData("the MNLA", "MNLA")]
    [InlineData("Aguel’hoc", "Aguel'hoc")]
    [InlineData("MUJAO", "Mujao")]
    public void Spellings_of_one_name_share_a_key(string a, string b) => Assert.True(NameKey.SameName(a, b));

    [Theory]
    [InlineData("Nigerien")]
    [InlineData("Ségou")]
    [InlineData("the Islamic State in the Greater Sahara")]
    public void Folding_is_idempotent(string name) => Assert.Equal(NameKey.Fold(name), NameKey.Fold(NameKey.Fold(name)));

    [Fact]
    public void Nigerien_and_Nigerian_stay_apart() => Assert.False(NameKey.SameName("Nigerien", "Nigerian"));
}
