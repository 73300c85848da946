// Import the library before Vue mounts, so the tags are defined when Vue binds their properties.
import 'customer-properties';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
