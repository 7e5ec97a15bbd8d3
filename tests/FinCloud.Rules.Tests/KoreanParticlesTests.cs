namespace FinCloud.Rules.Tests;

public sealed class KoreanParticlesTests
{
    [Theory]
    [InlineData("업무 코드", "업무 코드를")]
    [InlineData("주관 부서", "주관 부서를")]
    [InlineData("사업장", "사업장을")]
    [InlineData("계좌번호", "계좌번호를")]
    [InlineData("역할", "역할을")]
    [InlineData("RTO", "RTO을(를)")]
    [InlineData("훈련명 (2)", "훈련명 (2)을(를)")]
    public void The_object_particle_follows_the_last_syllable(string word, string expected) =>
        KoreanParticles.AsObject(word).ShouldBe(expected);

    [Theory]
    [InlineData("보상한도 10억원", "보상한도 10억원이")]
    [InlineData("기관", "기관이")]
    [InlineData("금융회사", "금융회사가")]
    public void The_subject_particle_follows_the_last_syllable(string word, string expected) =>
        KoreanParticles.AsSubject(word).ShouldBe(expected);

    [Fact]
    public void Every_syllable_takes_the_particle_its_final_consonant_calls_for()
    {
        // 가 (no final consonant) and each of the 27 final consonants on 가: 각, 갂, 갃 … 갛.
        for (var final = 0; final < 28; final++)
        {
            var syllable = ((char)('\uAC00' + final)).ToString();
            KoreanParticles.AsTopic(syllable).ShouldBe(syllable + (final == 0 ? "는" : "은"));
        }
    }
}
