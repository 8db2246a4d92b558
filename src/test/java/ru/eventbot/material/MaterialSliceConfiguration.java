package ru.eventbot.material;

import ru.eventbot.testsupport.ScratchDirectories;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import ru.eventbot.PersistenceSliceConfiguration;
import ru.eventbot.StorageProperties;

/**
 * The material module over the real schema and a real (in-memory) search index, files in a temporary folder:
 * for {@code @DataJpaTest}s that commit, since the index is written when a transaction commits.
 */
@TestConfiguration(proxyBeanMethods = false)
@ImportAutoConfiguration(MessageSourceAutoConfiguration.class)
@EnableConfigurationProperties(MaterialProperties.class)
@Import({PersistenceSliceConfiguration.class, MaterialService.class, MaterialFiles.class, MaterialSearch.class,
        MaterialRequests.class, MaterialCaptions.class})
public class MaterialSliceConfiguration {

    @Bean
    @Primary // over the default one the persistence slice enables (for the fleet's instance id)
    StorageProperties storageProperties() {
        return new StorageProperties(ScratchDirectories.create("eventbot-materials"));
    }
}
