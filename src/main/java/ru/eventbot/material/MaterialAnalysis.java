package ru.eventbot.material;

import org.apache.lucene.analysis.charfilter.MappingCharFilterFactory;
import org.apache.lucene.analysis.core.LowerCaseFilterFactory;
import org.apache.lucene.analysis.en.EnglishPossessiveFilterFactory;
import org.apache.lucene.analysis.en.PorterStemFilterFactory;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilterFactory;
import org.apache.lucene.analysis.snowball.SnowballPorterFilterFactory;
import org.apache.lucene.analysis.standard.StandardTokenizerFactory;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurationContext;
import org.hibernate.search.backend.lucene.analysis.LuceneAnalysisConfigurer;

/**
 * The analysers of the material index: Russian with the Snowball stemmer (Таисия, Таисии, Таисию and Таисией all
 * become «таис»; ё is read as е), English with the Porter stemmer and possessives dropped ("Taisia's" → "taisia"),
 * and a Latin one for transliterated names. Registered in {@code config/application.yml}
 * ({@code hibernate.search.backend.analysis.configurer}); public only because Hibernate Search creates it.
 */
public class MaterialAnalysis implements LuceneAnalysisConfigurer {

    static final String RUSSIAN = "russian";
    static final String ENGLISH = "english";
    static final String LATIN = "latin";

    @Override
    public void configure(LuceneAnalysisConfigurationContext context) {
        context.analyzer(RUSSIAN).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .charFilter(MappingCharFilterFactory.class).param("mapping", "ru/eventbot/material/yo.txt")
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(SnowballPorterFilterFactory.class).param("language", "Russian");
        context.analyzer(ENGLISH).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(PorterStemFilterFactory.class);
        context.analyzer(LATIN).custom()
                .tokenizer(StandardTokenizerFactory.class)
                .tokenFilter(EnglishPossessiveFilterFactory.class)
                .tokenFilter(LowerCaseFilterFactory.class)
                .tokenFilter(ASCIIFoldingFilterFactory.class);
    }
}
